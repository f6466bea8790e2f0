#!/usr/bin/env bash
# Installs PostgreSQL (Debian package) and creates the role and database chronicle.
# Usage: postgres-setup.sh [--listen ADDR] [--allow CIDR]
#   --listen ADDR  the address PostgreSQL listens on besides localhost (default: localhost only)
#   --allow CIDR   hosts allowed to connect as chronicle (scram-sha-256 password), e.g. 10.0.0.0/24
set -euo pipefail
listen="" allow=""
while [ $# -gt 0 ]; do
  case "$1" in
    --listen) listen="$2"; shift 2 ;;
    --allow) allow="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
apt-get install -y postgresql
conf_dir="$(ls -d /etc/postgresql/*/main | sort -V | tail -1)"
runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q <<'SQL'
SELECT 'CREATE ROLE chronicle LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'chronicle')\gexec
SELECT 'CREATE DATABASE chronicle OWNER chronicle' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'chronicle')\gexec
SQL
if [ -n "$listen" ]; then
  echo "listen_addresses = 'localhost,$listen'" > "$conf_dir/conf.d/chronicle.conf"
fi
if [ -n "$allow" ] && ! grep -q "chronicle chronicle $allow" "$conf_dir/pg_hba.conf"; then
  echo "host chronicle chronicle $allow scram-sha-256" >> "$conf_dir/pg_hba.conf"
fi
systemctl restart postgresql
echo "database ready: postgres://chronicle@$(hostname -f)/chronicle"
