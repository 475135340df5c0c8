import Emulation

/// The registration endpoints R1–R8 (spec §11.11). Paths name a registration by slug or id;
/// registrations outside the token's mode answer 404. The list and a registration are memoized:
/// nothing they render reads the clock (their tickets are embedded without their releases, and
/// `expires_at` and `state` are stored, not compared with the clock).
enum RegistrationEndpoints {
    static let routes: [Route<TitoPrincipal>] = [
        Route("GET", "/{account_slug}/{event_slug}/registrations", example: "/biscuit-box/2018/registrations", RegistrationList.list)
            .memoized(),
        Route(
            "GET", "/{account_slug}/{event_slug}/registrations/{registration_slug}",
            example: "/biscuit-box/2018/registrations/reg_test_ds7qNqJ4s4doDMeh1VogTrw", show
        ).memoized(),
        Route("POST", "/{account_slug}/{event_slug}/registrations", RegistrationCreation.create),
        Route("PATCH", "/{account_slug}/{event_slug}/registrations/{registration_slug}", RegistrationUpdates.update),
        Route("POST", "/{account_slug}/{event_slug}/registrations/{registration_slug}/confirmations", RegistrationUpdates.markPaid),
        Route("DELETE", "/{account_slug}/{event_slug}/registrations/{registration_slug}/confirmations", RegistrationUpdates.markUnpaid),
        Route("POST", "/{account_slug}/{event_slug}/registrations/{registration_slug}/refunds", RegistrationActions.refund),
        Route("POST", "/{account_slug}/{event_slug}/registrations/{registration_slug}/cancellation", RegistrationActions.cancel),
    ]

    /// R2.
    static func show(_ request: ProviderRequest, _ principal: TitoPrincipal) throws -> HTTPResponse {
        try Registration.read(request, principal) { database, scope, registration in
            try RegistrationView.single(id: registration.id, request, scope, in: database)
        }
    }
}
