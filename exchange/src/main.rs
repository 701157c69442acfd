//! `tsuzuki-exchange`: serves the token exchange on `EXCHANGE_ADDR`
//! (127.0.0.1:8787 by default); the rest of its settings are in
//! [`tsuzuki_exchange::Config::from_env`]. `make exchange` runs it.

use std::sync::Arc;

#[tokio::main]
async fn main() {
    let config = match tsuzuki_exchange::Config::from_env(|k| std::env::var(k).ok()) {
        Ok(c) => c,
        Err(why) => {
            eprintln!("tsuzuki-exchange: {why}. See the README's \"The authorization code grant\".");
            std::process::exit(2);
        }
    };
    let addr = std::env::var("EXCHANGE_ADDR").unwrap_or_else(|_| "127.0.0.1:8787".into());
    let listener = match tokio::net::TcpListener::bind(&addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("tsuzuki-exchange: cannot listen on {addr}: {e}");
            std::process::exit(2);
        }
    };
    let local = listener.local_addr().map(|a| a.to_string()).unwrap_or(addr);
    // The address first, alone on its line: the tests read it from here.
    eprintln!("tsuzuki-exchange listening on http://{local}");
    eprintln!("for {} (client {}), redirect {}", config.allowed_origins.join(", "), config.client_id, config.redirect_uri);
    let log: tsuzuki_exchange::Log = Arc::new(|line| eprintln!("{line}"));
    let server = tsuzuki_exchange::serve(listener, config, log);
    tokio::select! {
        r = server => if let Err(e) = r { eprintln!("tsuzuki-exchange: {e}"); std::process::exit(1) },
        _ = tokio::signal::ctrl_c() => {}
    }
}
