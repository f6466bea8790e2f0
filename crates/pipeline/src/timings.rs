//! Where an ingest's time goes, per stage (`chronicle ingest --timings`).
//!
//! Per-document stages (language, events, place, fingerprints) are timed per
//! document and summed over the threads that ran them, so on any thread count
//! they add up to the CPU time spent in them. Batch-wide stages (reading,
//! cleaning, linking, the store) are timed as the wall time of their section;
//! cleaning runs on every worker, so its figure equals its CPU time only on one
//! thread. `wait:*` is time the coordinating thread spent waiting with no
//! work of its own: for the reader (input starved), or for the analysis of the
//! next batch after the linking and commit of this one were done (on one
//! thread the two run one after the other, so there it is the analysis's wall
//! time; on two, near zero means linking and the store are the critical path).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The stages timed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading and decoding inputs (the reader thread).
    Read,
    /// Looking up whether an input is already stored.
    Known,
    /// Cleaning a batch (parallel over its pages).
    Clean,
    /// Sentences, tokens and syntax.
    Syntax,
    /// Entities.
    Entities,
    /// Times, quantities, quotes, pronouns, dating.
    RestOfLanguage,
    /// Event coding.
    Events,
    /// Event places.
    Place,
    /// Duplicate fingerprints and story terms (per document, parallel).
    Fingerprints,
    /// Furniture lines reached by a batch and the corrections of earlier pages.
    Furniture,
    /// The sequential near-duplicate check.
    Dedup,
    /// The sequential story assignment.
    Stories,
    /// The sequential entity clustering (`link::entity_index`).
    EntityIndex,
    /// Merging the events of the stories a batch touches.
    Merge,
    /// A queue worker reading the link state again (another worker committed since its last batch).
    LoadState,
    /// The store transaction.
    Commit,
    /// Coordinator waiting for the reader.
    WaitRead,
    /// Coordinator waiting for the next batch's analysis.
    WaitAnalysis,
    /// A queue worker waiting for the store's writer lock (another worker links and commits).
    WaitWriter,
}

const STAGES: [(Stage, &str); 19] = [
    (Stage::Read, "read"),
    (Stage::Known, "known-lookup"),
    (Stage::Clean, "clean"),
    (Stage::Syntax, "sentences+syntax"),
    (Stage::Entities, "entities"),
    (Stage::RestOfLanguage, "times+quotes+rest"),
    (Stage::Events, "events"),
    (Stage::Place, "place"),
    (Stage::Fingerprints, "fingerprints"),
    (Stage::Furniture, "furniture"),
    (Stage::Dedup, "link:dedup"),
    (Stage::Stories, "link:stories"),
    (Stage::EntityIndex, "link:entities"),
    (Stage::Merge, "link:merge"),
    (Stage::LoadState, "link:load-state"),
    (Stage::Commit, "commit"),
    (Stage::WaitRead, "wait:reader"),
    (Stage::WaitAnalysis, "wait:analysis"),
    (Stage::WaitWriter, "wait:writer-lock"),
];

/// Summed nanoseconds per stage; shared by the threads of one run.
#[derive(Debug, Default)]
pub struct Timings {
    nanos: [AtomicU64; STAGES.len()],
}

impl Timings {
    /// Adds `d` to a stage.
    pub fn add(&self, stage: Stage, d: Duration) {
        let i = STAGES.iter().position(|(s, _)| *s == stage).unwrap_or(0);
        if let Some(slot) = self.nanos.get(i) {
            slot.fetch_add(u64::try_from(d.as_nanos()).unwrap_or(u64::MAX), Ordering::Relaxed);
        }
    }

    /// Runs `work`, adding its duration to `stage`.
    pub fn time<T>(&self, stage: Stage, work: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let out = work();
        self.add(stage, started.elapsed());
        out
    }

    /// The totals so far.
    pub fn snapshot(&self) -> StageTimes {
        StageTimes {
            stages: STAGES
                .iter()
                .zip(&self.nanos)
                .map(|((_, name), n)| (*name, Duration::from_nanos(n.load(Ordering::Relaxed))))
                .collect(),
        }
    }
}

/// Time per stage of one run, in pipeline order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StageTimes {
    /// (stage name, total time).
    pub stages: Vec<(&'static str, Duration)>,
}

impl StageTimes {
    /// Both runs' times added, stage by stage (in `self`'s order; stages only
    /// `other` has come last).
    pub fn plus(&self, other: &StageTimes) -> StageTimes {
        let mut stages = self.stages.clone();
        for (name, d) in &other.stages {
            match stages.iter_mut().find(|(n, _)| n == name) {
                Some(s) => s.1 += *d,
                None => stages.push((name, *d)),
            }
        }
        StageTimes { stages }
    }

    /// The time of one stage by name (zero when unknown).
    pub fn get(&self, name: &str) -> Duration {
        self.stages.iter().find(|(n, _)| *n == name).map(|s| s.1).unwrap_or_default()
    }

    /// One line per stage: seconds and share of the work (waits excluded from the share).
    pub fn render(&self) -> String {
        let work: f64 =
            self.stages.iter().filter(|(n, _)| !n.starts_with("wait")).map(|(_, d)| d.as_secs_f64()).sum();
        let mut out = String::from("stage                  seconds   share of work\n");
        for (name, d) in &self.stages {
            let secs = d.as_secs_f64();
            let share = if name.starts_with("wait") || work <= 0.0 {
                String::from("-")
            } else {
                format!("{:.1} %", 100.0 * secs / work)
            };
            out.push_str(&format!("{name:<22} {secs:>8.2}   {share}\n"));
        }
        out.push_str(&format!("{:<22} {work:>8.2}\n", "sum of work"));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_totals_add_up_and_render_every_stage() {
        let t = Timings::default();
        t.add(Stage::Clean, Duration::from_millis(300));
        t.add(Stage::Clean, Duration::from_millis(200));
        t.add(Stage::Commit, Duration::from_millis(500));
        t.add(Stage::WaitRead, Duration::from_secs(9));
        assert_eq!(t.time(Stage::Events, || 7), 7);
        let s = t.snapshot();
        assert_eq!(s.get("clean"), Duration::from_millis(500));
        assert_eq!(s.get("commit"), Duration::from_millis(500));
        assert_eq!(s.stages.len(), STAGES.len());
        let text = s.render();
        assert!(text.contains("link:stories"), "{text}");
        // waits are shown but are no share of the work
        let clean = text.lines().find(|l| l.starts_with("clean ")).unwrap();
        assert!(clean.ends_with("50.0 %"), "{clean}");
        let wait = text.lines().find(|l| l.starts_with("wait:reader")).unwrap();
        assert!(wait.ends_with('-'), "{wait}");
    }

    #[test]
    fn two_runs_times_add_stage_by_stage() {
        let (a, b) = (Timings::default(), Timings::default());
        a.add(Stage::Clean, Duration::from_millis(300));
        b.add(Stage::Clean, Duration::from_millis(200));
        b.add(Stage::Commit, Duration::from_millis(70));
        let sum = a.snapshot().plus(&b.snapshot());
        assert_eq!(sum.get("clean"), Duration::from_millis(500));
        assert_eq!(sum.get("commit"), Duration::from_millis(70));
        assert_eq!(sum.stages.len(), STAGES.len(), "no stage twice");
        let extra = StageTimes { stages: vec![("elsewhere", Duration::from_millis(5))] };
        assert_eq!(a.snapshot().plus(&extra).get("elsewhere"), Duration::from_millis(5));
    }
}
