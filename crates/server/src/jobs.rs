//! Ingest jobs: every `POST /api/ingest` runs as a job whose progress and
//! outcome `GET /api/ingest/jobs/{id}` reports, so a client that does not wait
//! (`?wait=false`, answered 202 at once) can follow it, and reads go on from
//! the current snapshot meanwhile.

use std::collections::VecDeque;
use std::sync::Mutex;

use serde::Serialize;
use serde_json::Value;

/// Finished jobs kept for their status queries (oldest dropped first).
const KEEP_FINISHED: usize = 64;

/// Where a job stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum JobState {
    /// Reading, analysing or storing.
    Running,
    /// Stored and linked; `result` holds the ingest summary.
    Done,
    /// Ended by an error; `error` says which.
    Failed,
}

/// One ingest job as its status query shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Job {
    /// `j:N`, unique in this server's run.
    pub id: String,
    /// Where it stands.
    pub state: JobState,
    /// Inputs (articles and rejections) read so far.
    pub inputs_read: usize,
    /// Bytes of the upload read so far.
    pub bytes_read: u64,
    /// When it started and ended (RFC 3339, UTC).
    pub started: String,
    /// None while running.
    pub finished: Option<String>,
    /// The ingest summary once done (the same JSON a waiting client gets).
    pub result: Option<Value>,
    /// Why it failed.
    pub error: Option<String>,
}

/// The server's jobs, newest last.
#[derive(Default)]
pub struct Jobs {
    inner: Mutex<(u64, VecDeque<Job>)>,
}

fn now() -> String {
    chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl Jobs {
    fn with<T>(&self, f: impl FnOnce(&mut (u64, VecDeque<Job>)) -> T) -> T {
        let mut g = match self.inner.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        f(&mut g)
    }

    /// Starts a job; its id.
    pub fn start(&self) -> String {
        self.with(|(next, list)| {
            *next += 1;
            let id = format!("j:{next}");
            list.push_back(Job {
                id: id.clone(),
                state: JobState::Running,
                inputs_read: 0,
                bytes_read: 0,
                started: now(),
                finished: None,
                result: None,
                error: None,
            });
            while list.iter().filter(|j| j.state != JobState::Running).count() > KEEP_FINISHED {
                match list.iter().position(|j| j.state != JobState::Running) {
                    Some(i) => drop(list.remove(i)),
                    None => break,
                }
            }
            id
        })
    }

    /// Records progress of a running job.
    pub fn progress(&self, id: &str, inputs: usize, bytes: u64) {
        self.with(|(_, list)| {
            if let Some(j) = list.iter_mut().find(|j| j.id == id) {
                j.inputs_read = inputs;
                j.bytes_read = bytes;
            }
        })
    }

    /// Ends a job with its summary or its error.
    pub fn finish(&self, id: &str, outcome: Result<Value, String>) {
        self.with(|(_, list)| {
            if let Some(j) = list.iter_mut().find(|j| j.id == id) {
                j.finished = Some(now());
                match outcome {
                    Ok(v) => {
                        j.state = JobState::Done;
                        j.result = Some(v);
                    }
                    Err(e) => {
                        j.state = JobState::Failed;
                        j.error = Some(e);
                    }
                }
            }
        })
    }

    /// The job `id`, as it stands now.
    pub fn get(&self, id: &str) -> Option<Job> {
        self.with(|(_, list)| list.iter().find(|j| j.id == id).cloned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_runs_reports_progress_and_ends_with_its_outcome() {
        let jobs = Jobs::default();
        let a = jobs.start();
        let b = jobs.start();
        assert_ne!(a, b);
        jobs.progress(&a, 3, 1200);
        let j = jobs.get(&a).unwrap();
        assert_eq!((j.state, j.inputs_read, j.bytes_read, j.finished.is_none()), (JobState::Running, 3, 1200, true));
        jobs.finish(&a, Ok(serde_json::json!({"ingested": ["d:1"]})));
        jobs.finish(&b, Err("the store is busy".into()));
        assert_eq!(jobs.get(&a).unwrap().state, JobState::Done);
        assert_eq!(jobs.get(&a).unwrap().result.unwrap()["ingested"][0], "d:1");
        assert_eq!(jobs.get(&b).unwrap().error.as_deref(), Some("the store is busy"));
        assert!(jobs.get("j:99").is_none());
    }

    #[test]
    fn only_the_newest_finished_jobs_are_kept_and_running_ones_never_dropped() {
        let jobs = Jobs::default();
        let running = jobs.start();
        let first = jobs.start();
        jobs.finish(&first, Ok(Value::Null));
        for _ in 0..KEEP_FINISHED {
            let id = jobs.start();
            jobs.finish(&id, Ok(Value::Null));
        }
        let _ = jobs.start();
        assert!(jobs.get(&first).is_none(), "the oldest finished job is dropped");
        assert!(jobs.get(&running).is_some(), "a running job is kept");
    }
}
