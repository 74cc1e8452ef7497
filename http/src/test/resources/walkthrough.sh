#!/usr/bin/env bash
# The HTTP edge with curl: sign up, verify the email, log in, an authorised call, a forbidden call,
# log out. BASE is where the application listens; each line printed is a step, its body, its status.
set -euo pipefail
BASE=${BASE:-http://127.0.0.1:8080}
JAR=$(mktemp)   # curl's cookie jar: the session and CSRF cookies login sets
trap 'rm -f "$JAR"' EXIT
step() { local name=$1; shift; printf '%s ' "$name"; curl -sS -w ' %{http_code}\n' "$@"; }

# 1. sign up with umpack's POST /um/signup: the account is PENDING and a verification mail is queued
step signup -X POST "$BASE/um/signup" -H 'Content-Type: application/json' \
  -d '{"userName":"erin","email":"erin@example.com","password":"seven amber lanterns over the bay"}'

# 2. verify: the code from the mail, posted to the application's own /verify
read -r -p 'code from the mail: ' CODE
step verify -X POST "$BASE/verify" -H 'Content-Type: application/json' -d "{\"code\":\"$CODE\"}"

# 3. log in: the session cookie (HttpOnly) and the CSRF cookie land in the jar
step login -c "$JAR" -X POST "$BASE/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"erin","password":"seven amber lanterns over the bay"}'

# 4. an authorised call: the member role lets her GET /api/**
step orders -b "$JAR" "$BASE/api/orders"

# 5. a forbidden call: umpack's admin API is not hers (403, internalStatus 609)
step users -b "$JAR" "$BASE/um/users"

# 6. log out: a cookie-authenticated POST echoes the CSRF cookie in X-CSRF-Token
CSRF=$(awk '$6 == "userkit_csrf" { print $7 }' "$JAR")
step logout -b "$JAR" -c "$JAR" -X POST "$BASE/auth/logout" -H "Origin: $BASE" -H "X-CSRF-Token: $CSRF"

# the session is over: the same call is 401 now
step after -b "$JAR" "$BASE/api/orders"
