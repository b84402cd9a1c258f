//! The little HTTP/1.1 server of `lectern watch`: one page and its news for a browser on
//! this machine, with limits a hostile page or client cannot push past. It answers only
//! requests addressed to it by name (a DNS-rebinding page arrives with its own name in
//! `Host:` and gets 421), reads a request head of at most [`MAX_HEAD`] bytes within
//! [`IDLE`], serves at most [`MAX_CONNECTIONS`] connections at a time (of which
//! [`MAX_STREAMS`] event streams), and when the process runs out of descriptors it waits
//! for connections to end instead of dying.

use std::io::{Read, Write};
use std::net::{IpAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The longest request head read (a browser's is under 1 KB); longer gets 431.
pub const MAX_HEAD: usize = 8 * 1024;
/// Connections served at once; more are closed as they come.
pub const MAX_CONNECTIONS: usize = 64;
/// Event streams (open pages) at once; more get 503 and the page falls back to polling.
pub const MAX_STREAMS: usize = 16;
/// How long a client may take to send its request or to take a response.
pub const IDLE: Duration = Duration::from_secs(10);

/// A request for one path, its head read and checked.
pub struct Request {
    pub path: String,
    /// What follows `?` in the target, or nothing.
    pub query: String,
    pub stream: TcpStream,
}

impl Request {
    /// Sends a whole response and ends the connection.
    pub fn respond(mut self, status: &str, kind: &str, body: &[u8]) {
        self.send(status, kind, "", body);
    }

    /// Sends a whole response with more header lines (each ending in `\r\n`).
    pub fn respond_with(mut self, status: &str, kind: &str, headers: &str, body: &[u8]) {
        self.send(status, kind, headers, body);
    }

    /// Sends a whole response, then reads for a moment what the client is still sending
    /// (and drops it), so that closing with it unread does not reset the connection before
    /// the client has read the answer.
    fn refuse(mut self, status: &str, body: &[u8]) {
        let stream = self.send(status, "text/plain", "", body);
        let _ = stream.shutdown(std::net::Shutdown::Write);
        let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
        let end = std::time::Instant::now() + Duration::from_secs(2);
        let mut buf = [0u8; 8192];
        while std::time::Instant::now() < end && matches!(stream.read(&mut buf), Ok(n) if n > 0) {}
    }

    fn send(&mut self, status: &str, kind: &str, headers: &str, body: &[u8]) -> &mut TcpStream {
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n{headers}\r\n",
            body.len()
        );
        let _ = self
            .stream
            .write_all(head.as_bytes())
            .and_then(|()| self.stream.write_all(body))
            .and_then(|()| self.stream.flush());
        &mut self.stream
    }
}

/// Counts a connection or stream for as long as it lives.
pub struct Slot(Arc<AtomicUsize>);

impl Slot {
    /// A place among at most `max`, if one is free.
    pub fn take(count: &Arc<AtomicUsize>, max: usize) -> Option<Slot> {
        let mut now = count.load(Ordering::Relaxed);
        loop {
            if now >= max {
                return None;
            }
            match count.compare_exchange(now, now + 1, Ordering::AcqRel, Ordering::Relaxed) {
                Ok(_) => return Some(Slot(Arc::clone(count))),
                Err(seen) => now = seen,
            }
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Serves `listener` forever: each request whose head is good goes to `handle` on a
/// thread of its own.
pub fn serve<F>(listener: TcpListener, host: String, handle: F)
where
    F: Fn(Request) + Send + Sync + 'static,
{
    let handle = Arc::new(handle);
    let host = Arc::new(host);
    let live = Arc::new(AtomicUsize::new(0));
    loop {
        let stream = match listener.accept() {
            Ok((stream, _)) => stream,
            // Out of descriptors (or a connection gone before it was taken): the ones in
            // use come back as their connections end or time out.
            Err(_) => {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        let Some(slot) = Slot::take(&live, MAX_CONNECTIONS) else {
            continue; // dropped: closed at once
        };
        let (handle, host) = (Arc::clone(&handle), Arc::clone(&host));
        let _ = std::thread::Builder::new()
            .name("lectern-http".into())
            .spawn(move || {
                let _slot = slot;
                if let Some(request) = read_request(stream, &host) {
                    handle(request);
                }
            });
    }
}

/// Reads and checks a request head; answers what is wrong with it itself.
fn read_request(mut stream: TcpStream, ours: &str) -> Option<Request> {
    stream.set_read_timeout(Some(IDLE)).ok()?;
    stream.set_write_timeout(Some(IDLE)).ok()?;
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    let end = loop {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        let from = head.len().saturating_sub(3);
        head.extend_from_slice(&buf[..n]);
        if let Some(at) = head[from..].windows(4).position(|w| w == b"\r\n\r\n") {
            break from + at;
        }
        if head.len() > MAX_HEAD {
            let request = Request {
                path: String::new(),
                query: String::new(),
                stream,
            };
            request.refuse(
                "431 Request Header Fields Too Large",
                b"request head too large",
            );
            return None;
        }
    };
    let head = String::from_utf8_lossy(&head[..end]);
    let mut lines = head.split("\r\n");
    let mut first = lines.next().unwrap_or("").split(' ');
    let (method, target) = (first.next().unwrap_or(""), first.next().unwrap_or(""));
    let host = lines.find_map(|l| {
        let (name, value) = l.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("host")
            .then(|| value.trim())
    });
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let request = Request {
        path: path.to_string(),
        query: query.to_string(),
        stream,
    };
    if method != "GET" && method != "HEAD" {
        request.respond("405 Method Not Allowed", "text/plain", b"GET only");
        return None;
    }
    if !host.is_none_or(|h| host_is_ours(h, ours)) {
        request.respond(
            "421 Misdirected Request",
            "text/plain",
            b"this server answers only to its own address",
        );
        return None;
    }
    Some(request)
}

/// Whether a `Host:` names this server: an IP address, `localhost`, or the name it was
/// told to listen on. A page that rebinds its own domain name to this machine sends that
/// name and is refused.
pub fn host_is_ours(host: &str, ours: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _port)| name),
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name.parse::<IpAddr>().is_ok()
        || name == "localhost"
        || name.ends_with(".localhost")
        || name.eq_ignore_ascii_case(ours.trim_matches(['[', ']']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_addresses_and_our_own_names_are_ours() {
        for host in [
            "127.0.0.1:8000",
            "localhost:8000",
            "LOCALHOST",
            "[::1]:8000",
            "192.168.1.20:3000",
            "deck.localhost:1",
            "lectern-pc:80",
        ] {
            assert!(host_is_ours(host, "lectern-pc"), "{host}");
        }
        for host in [
            "evil.example:8000",
            "evil.example",
            "127.0.0.1.evil.example",
            "",
        ] {
            assert!(!host_is_ours(host, "127.0.0.1"), "{host}");
        }
    }
}
