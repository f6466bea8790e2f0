//! Errors: [`ServerError`] stops the server; [`ApiError`] answers one request.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use thiserror::Error;

/// A failure that stops the server (or its start).
#[derive(Debug, Error)]
pub enum ServerError {
    /// The store could not be opened or read.
    #[error("store: {0}")]
    Store(#[from] chronicle_store::StoreError),
    /// The pipeline failed to load or to ingest.
    #[error("pipeline: {0}")]
    Pipeline(#[from] chronicle_pipeline::PipelineError),
    /// The search index could not be built.
    #[error("search index: {0}")]
    Search(String),
    /// The address could not be bound.
    #[error("binding {addr}: {source}")]
    Bind {
        /// The address.
        addr: std::net::SocketAddr,
        /// The cause.
        source: std::io::Error,
    },
    /// A view could not be serialised.
    #[error("encoding JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A story the read model does not hold.
    #[error("no such story {0}")]
    Missing(String),
    /// The runtime or the listener failed.
    #[error("server I/O: {0}")]
    Io(#[from] std::io::Error),
}

impl From<tantivy::TantivyError> for ServerError {
    fn from(e: tantivy::TantivyError) -> ServerError {
        ServerError::Search(e.to_string())
    }
}

/// An error answer: JSON `{"error": message, "status": code}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// One-line message for the user (never a file path).
    pub message: String,
}

impl ApiError {
    /// An error with this status and message.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError { status, message: message.into() }
    }

    /// 400.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// 500, logged; the answer hides details.
    pub fn internal(context: &str, e: impl std::fmt::Display) -> ApiError {
        eprintln!("chronicle-server: {context}: {e}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("internal error while {context}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message, "status": self.status.as_u16() });
        (self.status, crate::json::Json(body)).into_response()
    }
}

impl From<ServerError> for ApiError {
    fn from(e: ServerError) -> ApiError {
        ApiError::internal("serving the request", e)
    }
}
