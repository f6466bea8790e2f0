//! Shared shape of accuracy reports, so every `chronicle eval TASK` prints alike.

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and in gold.
    pub tp: usize,
    /// Predicted, not in gold.
    pub fp: usize,
    /// In gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall (0 when gold is empty).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds another count.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The result of one evaluation task.
#[derive(Clone, Debug, PartialEq)]
pub struct EvalReport {
    /// Task name (`conll`, `tempeval`, …).
    pub task: String,
    /// Lines of detail printed before the summary (counts, per-class figures).
    pub details: Vec<String>,
    /// Headline counts.
    pub counts: Counts,
}

impl EvalReport {
    /// The report as printed: details, then `TASK: P=… R=… F1=…` as the last line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for line in &self.details {
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!(
            "{}: P={:.3} R={:.3} F1={:.3}\n",
            self.task,
            self.counts.precision(),
            self.counts.recall(),
            self.counts.f1()
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_of_counts_and_last_line() {
        let c = Counts { tp: 8, fp: 2, fn_: 8 };
        assert!((c.precision() - 0.8).abs() < 1e-9);
        assert!((c.recall() - 0.5).abs() < 1e-9);
        assert!((c.f1() - 0.6153846).abs() < 1e-6);
        let r = EvalReport { task: "conll".into(), details: vec!["sentences: 3".into()], counts: c };
        assert_eq!(r.render().lines().last().unwrap(), "conll: P=0.800 R=0.500 F1=0.615");
        assert_eq!(Counts::default().f1(), 0.0);
    }
}
