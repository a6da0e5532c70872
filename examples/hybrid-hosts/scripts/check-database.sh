#!/bin/sh
# Runs on the database VM over SSH (db_check is contained in db_vm); ctx reaches back to the step.
set -e
port=$(sed -n 's/^port = //p' "$data_dir/postgresql.conf")
ctx logger info "database configured on $(hostname) for port $port"
ctx instance runtime-properties status "configured for port $port in $data_dir"
