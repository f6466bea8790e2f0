//! The connection side of serving: which `Host` names are answered (the
//! DNS-rebinding defence) and the accept loop with its timeouts.
//!
//! A page on any web site can make a browser send requests to
//! `127.0.0.1:8080` under its own domain name (DNS rebinding); the only sign
//! is the `Host` header, which names that domain. So a served store answers
//! only the names it was bound to: `localhost`, the loopback addresses, the
//! bound address itself, any IP address when bound to all interfaces, and the
//! names given with `--allow-host`.

use std::collections::BTreeSet;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;

/// Longest wait for a client's request headers: a client that sends them
/// slower is cut off (slowloris).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest time one request may take, body upload included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(120);

/// The `Host` names a server answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostPolicy {
    names: BTreeSet<String>,
    any_ip: bool,
}

impl HostPolicy {
    /// The names a server bound to `bind` answers, with `extra` names (a
    /// reverse proxy's public name, the machine's DNS name).
    pub fn for_bind(bind: SocketAddr, extra: &[String]) -> HostPolicy {
        let mut names: BTreeSet<String> = ["localhost", "127.0.0.1", "::1"].iter().map(|s| s.to_string()).collect();
        names.insert(bind.ip().to_string());
        names.extend(extra.iter().map(|n| n.trim().trim_end_matches('.').to_ascii_lowercase()).filter(|n| !n.is_empty()));
        HostPolicy { names, any_ip: bind.ip().is_unspecified() }
    }

    /// Whether a request whose `Host` header is `host` is answered.
    pub fn allows(&self, host: &str) -> bool {
        let name = host_name(host).to_ascii_lowercase();
        let name = name.trim_end_matches('.');
        if self.names.contains(name) {
            return true;
        }
        self.any_ip && name.parse::<IpAddr>().is_ok()
    }
}

/// The name part of a `Host` header value: without the port, and without the
/// brackets of an IPv6 literal.
fn host_name(host: &str) -> &str {
    let host = host.trim();
    if let Some(rest) = host.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

/// Serves `app` on `listener` until `shutdown` completes. Each connection
/// gets [`HEADER_TIMEOUT`] to send its request headers (axum's own `serve`
/// sets no timer, so a slow client could hold a connection forever).
pub async fn serve_connections(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    tokio::pin!(shutdown);
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(x) => x,
                // a failed accept (too many open files, a reset) ends that
                // connection, not the server
                Err(_) => continue,
            },
            _ = &mut shutdown => return Ok(()),
        };
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new()).header_read_timeout(HEADER_TIMEOUT);
            // a connection that ends badly (timeout, reset) is that client's affair
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy(bind: &str, extra: &[&str]) -> HostPolicy {
        HostPolicy::for_bind(bind.parse().unwrap(), &extra.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn loopback_binds_answer_only_loopback_names() {
        let p = policy("127.0.0.1:8080", &[]);
        for ok in ["127.0.0.1:8080", "localhost:8080", "LOCALHOST", "[::1]:8080", "localhost.:8080"] {
            assert!(p.allows(ok), "{ok}");
        }
        for bad in ["evil.example:8080", "192.168.1.9:8080", "", "127.0.0.1.evil.example", "[::2]:8080"] {
            assert!(!p.allows(bad), "{bad}");
        }
    }

    #[test]
    fn an_all_interfaces_bind_answers_any_address_and_the_named_hosts() {
        let p = policy("0.0.0.0:9000", &["news.example.org"]);
        assert!(p.allows("10.1.2.3:9000") && p.allows("[2001:db8::1]:9000") && p.allows("News.Example.org"));
        assert!(!p.allows("rebind.attacker.example:9000"));
    }

    #[test]
    fn host_names_lose_port_and_brackets_only() {
        assert_eq!(host_name("example.org:80"), "example.org");
        assert_eq!(host_name("[::1]:80"), "::1");
        assert_eq!(host_name("example.org:http"), "example.org:http");
    }
}
