# tests/api-env.sh: sourced by the API cases (API_STATE=file; . api-env.sh):
# start tests/fake-api.py on
# 127.0.0.1 with the state file $API_STATE, point every API base URL at it and set
# fake credentials. The server stops when the case ends.
# Needs Debian's python3 with python3-oauthlib (the case is skipped without).
/usr/bin/python3 -c "import oauthlib" 2>/dev/null || { echo "SKIP: python3-oauthlib is not installed"; exit 77; }
/usr/bin/python3 "$SRCDIR/tests/fake-api.py" "$API_STATE" "$TMP/api.log" "$TMP/api.port" &
FAKE_PID=$!
trap 'kill $FAKE_PID 2>/dev/null; rm -rf "$TMP"' EXIT
for i in $(seq 100); do [ -s "$TMP/api.port" ] && break; sleep 0.05; done
PORT=$(cat "$TMP/api.port")
export FOOTPRINT_X_API_URL=http://127.0.0.1:$PORT FOOTPRINT_BLUESKY_URL=http://127.0.0.1:$PORT
export FOOTPRINT_REDDIT_API_URL=http://127.0.0.1:$PORT FOOTPRINT_REDDIT_AUTH_URL=http://127.0.0.1:$PORT
export FOOTPRINT_MASTODON_URL=http://127.0.0.1:$PORT FOOTPRINT_MASTODON_TOKEN=masto-token
export FOOTPRINT_X_CONSUMER_KEY=ck-fake FOOTPRINT_X_CONSUMER_SECRET=cs-fake-secret
export FOOTPRINT_X_ACCESS_TOKEN=tk-fake FOOTPRINT_X_ACCESS_SECRET=ts-fake-secret
export FOOTPRINT_BLUESKY_HANDLE=tomas.example FOOTPRINT_BLUESKY_APP_PASSWORD=app-pass-fake
export FOOTPRINT_REDDIT_CLIENT_ID=reddit-id-fake FOOTPRINT_REDDIT_CLIENT_SECRET=reddit-secret-fake
export FOOTPRINT_REDDIT_USERNAME=quiet_observer_42 FOOTPRINT_REDDIT_PASSWORD=reddit-pass-fake
export XDG_DATA_HOME="$TMP/xdg-data" XDG_CONFIG_HOME="$TMP/xdg-config"
# waits of seconds take milliseconds
export FOOTPRINT_TIME_SCALE=0.01
# the finding id of the item with this platform id
finding() { "$FOOTPRINT" report --db "$2" --format json --status all | python3 -c "import json,sys; print([f['finding'] for f in json.load(sys.stdin)['findings'] if f['id']=='$1'][0])"; }
requests() { [ -f "$TMP/api.log" ] && wc -l < "$TMP/api.log" || echo 0; }
