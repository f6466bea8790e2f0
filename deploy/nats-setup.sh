#!/usr/bin/env bash
# Installs nats-server (Debian package) and turns JetStream on, its store on disk, for the
# chronicle work queue (chronicle submit / worker / status; docs/QUEUE.md).
# Usage: nats-setup.sh [--listen ADDR] [--max-payload BYTES]
#   --listen ADDR        the address to listen on (default: 127.0.0.1, this host only)
#   --max-payload BYTES  the largest message (default 1 MB; an input over it is rejected
#                        `too-large` by chronicle submit; at most 64 MB)
set -euo pipefail
listen="127.0.0.1" payload=""
while [ $# -gt 0 ]; do
  case "$1" in
    --listen) listen="$2"; shift 2 ;;
    --max-payload) payload="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
apt-get install -y nats-server
install -d -o nats -g nats /var/lib/nats/jetstream
{
  echo "host: $listen"
  echo "port: 4222"
  echo "jetstream { store_dir: /var/lib/nats/jetstream }"
  if [ -n "$payload" ]; then echo "max_payload: $payload"; fi
} > /etc/nats-server.conf
systemctl enable nats-server
systemctl restart nats-server
echo "queue ready: nats://$(hostname -f):4222 (JetStream on)"
