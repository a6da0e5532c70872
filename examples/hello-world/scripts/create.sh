#!/usr/bin/env sh
# create: a real script would provision something; this one records where it "listens".
set -eu
echo "creating ${ISTHMUS_NODE_INSTANCE} (port ${port:-none})"
# Runtime properties are set with a line on stdout; get_attribute reads them.
echo "isthmus:runtime-property url=http://${ISTHMUS_NODE_INSTANCE}.local:${port:-0}"
