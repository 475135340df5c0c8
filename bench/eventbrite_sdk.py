#!/usr/bin/env python3
"""The official Eventbrite Python SDK (PyPI `eventbrite`) against Understudy.

Starts the server on a free 127.0.0.1 port with its seed, points the SDK at it the way the
README says (`Eventbrite(token, eventbrite_api_url="http://127.0.0.1:PORT/eventbrite/v3/")`),
and goes through what an integration suite does with it: the user (also by a path without its
trailing slash, which is redirected), their organizations, an event with and without
expansions, an order with its survey and answers, an event created with the SDK's dotted keys
(both the organization endpoint and the SDK's own `post_event`), a ticket class priced
`"USD,4500"`, publishing, a list walked with `continuation`, the SDK's error object for an
unknown event, a delete (the SDK sends `Content-Type: application/json` with an empty body), a
webhook payload turned into an object, and a base URL given without its trailing slash. Every
check prints one line; the script exits non-zero on the first one that fails. The server is
stopped before it ends. Nothing is sent anywhere but 127.0.0.1.

Usage:
    python3 -m venv /tmp/eventbrite-sdk && /tmp/eventbrite-sdk/bin/pip install eventbrite
    /tmp/eventbrite-sdk/bin/python bench/eventbrite_sdk.py [path to the understudy binary]

The binary defaults to .build/debug/understudy (`swift build --product understudy`).
"""
import os
import subprocess
import sys

import understudy_server

try:
    import eventbrite
    from eventbrite import Eventbrite
except ImportError:
    raise SystemExit("the eventbrite package is needed: pip install eventbrite (see the usage above)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN = "PERSONAL_OAUTH_TOKEN"
ORGANIZATION = "12345"
# 300 generated events, every tenth a draft: 270 live ones page six times at 50 a page.
BULK_ORGANIZATION = "555000000001"
BULK_LIVE_EVENTS = 270
MAX_PAGES = 20


def check(label, condition, detail=""):
    print(("ok    " if condition else "FAIL  ") + label + (f"  ({detail})" if detail else ""))
    if not condition:
        raise SystemExit(1)


def run(port):
    base = f"http://127.0.0.1:{port}/eventbrite/v3/"
    sdk = Eventbrite(TOKEN, eventbrite_api_url=base)
    print(f"eventbrite {eventbrite.__version__} against {base}")

    user = sdk.get_user()
    check("get_user() is the demo user", user.status_code == 200 and user.id == "12345" and user["name"] == "John Smith",
          f"{user.status_code} {user.get('id')} {user.get('name')}")

    redirected = sdk.get("/users/me")
    check("get('/users/me'), as the SDK's README writes it: the 301 to the slash is followed",
          redirected.status_code == 200 and redirected.id == "12345" and redirected.request.url.endswith("/users/me/?expand=none"),
          redirected.request.url)

    organizations = sdk.get("/users/me/organizations/")
    ids = [organization["id"] for organization in organizations["organizations"]]
    check("/users/me/organizations/ is a page of organizations", organizations.is_paginated and ORGANIZATION in ids,
          f"{len(ids)} organizations, object_count {organizations.pagination['object_count']}")

    event = sdk.get_event("12345")
    check("get_event(id) sends expand=none: no logo, no venue", event["name"]["text"] == "Classical Music Seminar Series"
          and "logo" not in event and "venue" not in event, event["name"]["text"])
    expanded = sdk.get_event("12345", expand="venue,organizer,ticket_classes,ticket_availability")
    check("get_event(id, expand=…) embeds what it names",
          expanded["venue"]["name"] == "Madison Square Garden" and expanded["organizer"]["_type"] == "organizer"
          and expanded["ticket_classes"][0]["cost"]["display"] == "$45.00"
          and expanded["ticket_availability"]["minimum_ticket_price"]["display"] == "45.00 USD",
          f"venue {expanded['venue']['name']!r}, {len(expanded['ticket_classes'])} ticket class(es)")

    order = sdk.get_order("123409351", expand="attendees,survey,answers,ticket_buyer_settings")
    check("get_order(id, expand=…) with its survey, answers and ticket buyer settings",
          order["status"] == "placed" and [question["id"] for question in order["survey"]][-1] == "642123456"
          and order["answers"][0]["answer"] == "Choice 1 | Choice 2" and order["ticket_buyer_settings"]["event_id"] == "12345"
          and order["attendees"][0]["id"] == "1009831492",
          f"{len(order['survey'])} questions, {len(order['answers'])} answers")

    created = sdk.post(f"/organizations/{ORGANIZATION}/events/", data={
        "event.name": {"html": "SDK Launch Party"},
        "event.start": {"utc": "2031-01-01T10:00:00Z", "timezone": "America/Los_Angeles"},
        "event.end": {"utc": "2031-01-01T11:00:00Z", "timezone": "America/Los_Angeles"},
        "event.currency": "USD", "event.online_event": True, "event.listed": False,
        "event.category_id": "110", "event.format_id": "5", "event.password": "test", "event.capacity": 10,
    })
    check("an event created with dotted keys", created.status_code == 200 and created["status"] == "draft"
          and created["name"]["html"] == "SDK Launch Party" and created["password"] == "test" and created["capacity"] == 10,
          f"id {created.id}, status {created.get('status')}")
    event_id = created.id

    # `quantity_total` is the deprecated name of `capacity`; more than the event's custom capacity
    # of 10 would be BAD_QUANTITIES.
    ticket = sdk.post_event_ticket_class(event_id, data={
        "ticket_class.name": "General", "ticket_class.description": "Entry",
        "ticket_class.quantity_total": 10, "ticket_class.cost": "USD,4500",
    })
    check('a ticket class priced "USD,4500"', ticket.status_code == 200 and ticket["cost"]["value"] == 4500
          and ticket["cost"]["display"] == "$45.00" and ticket["capacity"] == 10,
          f"id {ticket.id}, cost {ticket.get('cost', {}).get('display')}, fee {ticket.get('fee', {}).get('display')}")

    published = sdk.publish_event(event_id)
    check("publish_event(id)", published.status_code == 200 and published == {"published": True}, str(dict(published)))
    check("the event is live", sdk.get_event(event_id)["status"] == "live")
    again = sdk.publish_event(event_id)
    check("publishing again is ALREADY_PUBLISHED_OR_DELETED",
          again.status_code == 400 and again["error"] == "ALREADY_PUBLISHED_OR_DELETED", again.get("error"))

    legacy = sdk.post_event({
        "event.name": {"html": "Made with post_event"},
        "event.start": {"utc": "2031-02-01T10:00:00Z", "timezone": "Europe/London"},
        "event.end": {"utc": "2031-02-01T12:00:00Z", "timezone": "Europe/London"},
        "event.currency": "GBP",
    })
    check("post_event(data) creates in the user's organization", legacy.status_code == 200
          and legacy["organization_id"] == ORGANIZATION and legacy["start"]["local"] == "2031-02-01T10:00:00",
          f"id {legacy.id}")
    deleted = sdk.delete(f"/events/{legacy.id}/")
    check("delete() with the SDK's empty JSON body", deleted.status_code == 200 and deleted == {"deleted": True},
          str(dict(deleted)))
    gone = sdk.get_event(legacy.id)
    check("the deleted event is a 404", gone.status_code == 404 and gone["error"] == "NOT_FOUND")

    seen, page, pages = [], sdk.get(f"/organizations/{BULK_ORGANIZATION}/events/"), 1
    seen += [event["id"] for event in page["events"]]
    while page.pagination["has_more_items"] and pages < MAX_PAGES:
        page = sdk.get(f"/organizations/{BULK_ORGANIZATION}/events/",
                       data={"continuation": page.pagination["continuation"]})
        seen += [event["id"] for event in page["events"]]
        pages += 1
    check("a list walked with continuation", len(seen) == BULK_LIVE_EVENTS and len(set(seen)) == len(seen)
          and "continuation" not in page.pagination,
          f"{pages} pages, {len(seen)} events, object_count {page.pagination['object_count']}")

    missing = sdk.get_event("999999999")
    check("an unknown event: the SDK's object carries the error", not missing.ok and missing.status_code == 404
          and dict(missing) == {"status_code": 404, "error_description": "The event you requested does not exist.",
                                "error": "NOT_FOUND"}, str(dict(missing)))

    from_webhook = sdk.webhook_to_object({"config": {"action": "event.published"}, "api_url": base + f"events/{event_id}/"})
    check("webhook_to_object() fetches the api_url", from_webhook.status_code == 200 and from_webhook.id == event_id)

    slashless = Eventbrite(TOKEN, eventbrite_api_url=base.rstrip("/"))
    user = slashless.get_user()
    check("a base URL without its trailing slash (the SDK drops /v3) still answers", user.status_code == 200
          and user.id == "12345", user.request.url)


def main():
    binary = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/understudy")
    process, port = understudy_server.start(binary, ["--seed-cache", "off"])
    try:
        run(port)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    print("all checks passed")


if __name__ == "__main__":
    main()
