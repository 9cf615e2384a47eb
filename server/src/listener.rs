//! The listening socket, sorted: connections that open an event stream are
//! served by `live_conn`; every other connection goes to the router through
//! `axum::serve`, as it would straight from the socket.

use crate::live_conn::{self, LiveConns};
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

/// The connections for the router, in the order they were sorted.
pub struct Sorted {
    connections: mpsc::Receiver<(TcpStream, SocketAddr)>,
    local: SocketAddr,
}

impl axum::serve::Listener for Sorted {
    type Io = TcpStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (TcpStream, SocketAddr) {
        match self.connections.recv().await {
            Some(connection) => connection,
            // The accepting task ended: the server is stopping.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> io::Result<SocketAddr> {
        Ok(self.local)
    }
}

/// Accepts connections until the server stops. Each is looked at in a task
/// of its own, so a client slow to send its request holds up nobody.
pub fn sort(mut listener: TcpListener, live: Arc<LiveConns>) -> io::Result<Sorted> {
    let local = listener.local_addr()?;
    let (router, connections) = mpsc::channel(1024);
    let mut stopping = live.stopping();
    tokio::spawn(async move {
        loop {
            let (tcp, addr) = tokio::select! {
                // Retries and logs failed accepts as axum does.
                accepted = axum::serve::Listener::accept(&mut listener) => accepted,
                _ = stopping.changed() => return,
            };
            let router = router.clone();
            let live = live.clone();
            tokio::spawn(async move {
                match live_conn::sniff(&tcp).await {
                    Some(head) => live.serve(tcp, head).await,
                    None => {
                        let _ = router.send((tcp, addr)).await;
                    }
                }
            });
        }
    });
    Ok(Sorted { connections, local })
}
