//! Talking to AniList's GraphQL API: one client, one error enum, and every
//! operation as a typed module.

pub mod client;
pub mod error;
pub mod limiter;
pub mod origin;
pub mod operation;
pub mod ops;
pub mod response;
pub mod sending;

pub use client::Api;
pub use error::ApiError;
pub use operation::Operation;
