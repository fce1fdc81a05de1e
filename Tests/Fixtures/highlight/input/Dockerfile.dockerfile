# 빌드 단계
FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go build -o /app ./cmd/app && \
    strip /app
FROM gcr.io/distroless/base
ENV PORT=8080
EXPOSE $PORT
ENTRYPOINT ["/app"]
