#!/usr/bin/env sh
# delete step of the hello-world example: records what it did.
set -eu
echo "delete ${ISTHMUS_NODE_INSTANCE:-unknown}"
