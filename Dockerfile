# Build stage: a release binary with the Swift runtime linked in statically, stripped.
FROM swift:6.3-noble AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsqlite3-dev binutils \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Resolve dependencies first so they are cached across source changes.
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib --product understudy \
    && install -D "$(swift build -c release --show-bin-path)/understudy" /out/understudy \
    && strip /out/understudy

# Runtime stage: the binary, libsqlite3, the seed data and the seed built from it; nothing else.
FROM ubuntu:24.04
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsqlite3-0 \
    && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/log/apt/* /var/log/dpkg.log \
    && useradd --system --uid 10001 --home-dir /app understudy
WORKDIR /app
COPY --from=build /out/understudy /app/understudy
COPY seed /app/seed
ENV UNDERSTUDY_HOST=0.0.0.0 \
    UNDERSTUDY_PORT=8080 \
    UNDERSTUDY_SEED=/app/seed \
    UNDERSTUDY_SEED_CACHE=/app/seed-cache
# The seed is built once here, so a container starts by mapping it (about 15 ms).
RUN /app/understudy --write-seed-cache
USER understudy
EXPOSE 8080
# bash's /dev/tcp keeps curl out of the image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /_understudy/health HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["/app/understudy"]
