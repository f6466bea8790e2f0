//! Command-line arguments, as raw values. `commands` turns them into a run.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// chronicle turns news articles from many outlets into a source-attributed
/// record of who did what to whom, when and where.
#[derive(Debug, Parser)]
#[command(name = "chronicle", version, about, long_about = None, after_help = "\
Examples:
  chronicle demo                              run the whole pipeline on the demo corpus
  chronicle ingest examples/istanbul-talks    ingest a directory (txt, html, jsonl, warc, warc.gz)
  chronicle docs                              list what is stored
  chronicle show d:1a2b --blocks              audit the cleaner on one document
  chronicle show d:1a2b --syntax              each sentence's dependency tree
  chronicle export --format jsonl > out.jsonl export everything (see EXPORT-FORMAT.md)
  chronicle sample events --out sheet.md      100 random events as a judging sheet
  chronicle eval conll                        accuracy of the entity tagger on CoNLL-2003 dev
  chronicle train syntax                      train the tagger and parser on UD English EWT
  chronicle train ner                         train the word clusters and entity tagger
  chronicle train clean                       train the HTML block classifier on dragnet")]
pub struct Cli {
    /// The store: an SQLite file, or a PostgreSQL database as a URL
    /// (`postgres://user@host:port/db`) shared by several processes and machines.
    #[arg(long, global = true, env = "CHRONICLE_DB", default_value = "chronicle.db")]
    pub db: PathBuf,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ingest articles: files or directories (recursively) of .txt, .html/.htm,
    /// .jsonl, .warc, .warc.gz. A NAME.meta.json beside a file supplies url,
    /// outlet, published, crawled.
    #[command(after_help = "Examples:\n  chronicle ingest examples/istanbul-talks\n  chronicle --db news.db ingest crawl.warc.gz feed.jsonl")]
    Ingest {
        /// Files or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print every rejected or duplicate input, not only the summary.
        #[arg(long, short)]
        verbose: bool,
        /// Inputs analysed and committed together (one transaction each).
        #[arg(long, default_value_t = chronicle_pipeline::DEFAULT_BATCH)]
        batch: usize,
        /// Worker threads (default: all cores, or RAYON_NUM_THREADS). The record is
        /// the same whatever the number.
        #[arg(long)]
        threads: Option<usize>,
        /// Print where the time went, per stage, to stderr.
        #[arg(long)]
        timings: bool,
    },
    /// List stored documents as a table.
    #[command(after_help = "Example:\n  chronicle docs")]
    Docs,
    /// Show one document: metadata and body, optionally its blocks, annotations, events or
    /// dependency trees.
    #[command(after_help = "Examples:\n  chronicle show d:1a2b\n  chronicle show 1a2b --blocks\n  chronicle show 1a2b --annotations --events\n  chronicle show 1a2b --syntax\n  chronicle show 1a2b --syntax --format conllu > 1a2b.conllu")]
    Show {
        /// Document id or a unique prefix of it.
        doc: String,
        /// Every block of the page with its label and why (audit the cleaner).
        #[arg(long)]
        blocks: bool,
        /// Highlight entities, times, quantities and quotes in the body.
        #[arg(long)]
        annotations: bool,
        /// Events coded from the body, with the rule that fired.
        #[arg(long)]
        events: bool,
        /// Each sentence's dependency tree: relation, word, lemma and part of speech.
        #[arg(long)]
        syntax: bool,
        /// `conllu` prints only the sentences as CoNLL-U (implies --syntax).
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Export the store: JSONL following EXPORT-FORMAT.md, or tables (CSV, Parquet) and event
    /// files in the GDELT 2.0 and POLECAT layouts (docs/TABLES.md).
    #[command(after_help = "Examples:
  chronicle export --format jsonl > chronicle.jsonl
  chronicle export --format csv --table documents --out documents.csv
  chronicle export --format parquet --table all --out tables/
  chronicle export --format gdelt --no-header --out events.tsv
  chronicle export --format polecat > events.polecat.tsv")]
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// The table to write (csv, parquet; gdelt and polecat hold events only);
        /// `all` writes every table into the --out folder.
        #[arg(long, value_enum)]
        table: Option<TableArg>,
        /// Write to this file, or into this folder (existing, or ending in `/`) as
        /// TABLE.csv / .parquet / .tsv (jsonl: chronicle.jsonl); default: standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Leave out the header line (gdelt, polecat, csv); GDELT's own files have none.
        #[arg(long)]
        no_header: bool,
        /// Leave out `mention` records (jsonl).
        #[arg(long)]
        no_mentions: bool,
        /// Leave out `sentence` records (tokens with tags, lemmas and dependency arcs; jsonl).
        #[arg(long)]
        no_sentences: bool,
        /// One `event` record (or row) per report, streamed (no merging across reports, no
        /// `story` records): for stores too large to merge in memory.
        #[arg(long)]
        reports: bool,
    },
    /// Counts of documents, languages, outlets and annotations.
    Stats,
    /// Run the whole pipeline on the demo corpus in a fresh temporary store and print what it knows.
    #[command(after_help = "Examples:\n  chronicle demo\n  chronicle demo --serve     then open http://127.0.0.1:8080/")]
    Demo {
        /// The demo corpus directory.
        #[arg(long, default_value = "examples/istanbul-talks")]
        corpus: PathBuf,
        /// Afterwards, serve the demo store's web UI and API (read-only) until interrupted.
        #[arg(long)]
        serve: bool,
        /// Address for --serve.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
    },
    /// Measure accuracy against a gold set: clean-html, conll, tempeval, polnear, plover,
    /// timeline17, ecbplus, tls, reuters-dups, ud. The last line is `TASK: P=… R=… F1=…`
    /// (for ud: `ud: UPOS=… UAS=… LAS=… F1=…`, F1 being LAS; for tls:
    /// `tls: P=… R=… F1=… AR1=… AR2=…`, date scores and alignment-based ROUGE).
    #[command(after_help = "Examples:\n  chronicle eval conll\n  chronicle eval tempeval ../shared/data/tempeval3\n  chronicle eval ud                  held-out documents of UD English EWT\n  chronicle eval ud my-gold.conllu\n\nPATH defaults to ../shared/data/<set> (or $CHRONICLE_EVAL_DATA/<set>); a missing set is skipped.")]
    Eval {
        /// The task.
        #[arg(value_enum)]
        task: EvalTask,
        /// The set's directory or file, in the set's own format.
        path: Option<PathBuf>,
    },
    /// Train a model from a gold set and write its weights.
    Train {
        /// What to train.
        #[command(subcommand)]
        model: TrainModel,
    },
    /// Events as a table, filtered.
    #[command(after_help = "Examples:\n  chronicle events --actor RUS --type AGREE\n  chronicle events --since 2025-05-01")]
    Events {
        /// Actor: country code, KB id or part of a name.
        #[arg(long)]
        actor: Option<String>,
        /// PLOVER type.
        #[arg(long = "type")]
        event_type: Option<String>,
        /// Only events that may be on or after this day (YYYY-MM-DD); undated ones are left out.
        #[arg(long, value_parser = day)]
        since: Option<String>,
        /// Only events of this story (id or prefix).
        #[arg(long)]
        story: Option<String>,
    },
    /// Each actor's demands, offers and red lines with their status over time.
    Positions {
        /// Only this story (id or prefix).
        #[arg(long)]
        story: Option<String>,
    },
    /// Stories (clusters of documents about the same thing).
    Stories,
    /// Events in event-date order, with date uncertainty; or, with --summary, the story's
    /// most important dates, each with one or two cited sentences.
    #[command(after_help = "Examples:\n  chronicle timeline --story 3f2a\n  chronicle timeline --story 3f2a --summary --dates 15")]
    Timeline {
        /// Only this story (id or prefix).
        #[arg(long)]
        story: Option<String>,
        /// Only events with this actor.
        #[arg(long, conflicts_with = "summary")]
        actor: Option<String>,
        /// A summary: the most important dates (the days most documents look back to),
        /// each with the sentences that best cover its reports, and their documents.
        #[arg(long)]
        summary: bool,
        /// How many dates the summary keeps.
        #[arg(long, default_value_t = 10, requires = "summary")]
        dates: usize,
        /// Sentences per date in the summary.
        #[arg(long, default_value_t = 1, requires = "summary", value_parser = clap::value_parser!(u8).range(1..=3))]
        sentences: u8,
    },
    /// A Markdown brief of one story, every line cited.
    Brief {
        /// Story id or prefix (default: the story with most documents).
        story: Option<String>,
    },
    /// A judging sheet (Markdown): a fixed-seed uniform random sample of events, quotes or
    /// entity mentions from the store, each with its evidence sentence, the item marked
    /// [[ ]], its document, and every coded field beside an empty judge column
    /// (guideline: docs/ANNOTATION.md). The same seed over the same store gives the same sheet.
    #[command(after_help = "Examples:\n  chronicle sample events --n 100 --seed 7 --out events.md\n  chronicle sample quotes --n 50\n  chronicle --db news.db sample entities > entities.md")]
    Sample {
        /// What to draw.
        #[arg(value_enum)]
        layer: SampleLayer,
        /// How many items (all of them, shuffled, when the store holds fewer).
        #[arg(long, default_value_t = 100)]
        n: usize,
        /// The seed of the draw.
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Write the sheet here instead of to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Serve the HTTP API and the web UI (read-only unless a token is set).
    #[command(after_help = "Examples:\n  chronicle serve                      then open http://127.0.0.1:8080/\n  chronicle serve --bind 0.0.0.0:9000 --token s3cret   (POST /api/ingest needs the token)")]
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        /// Bearer token that enables POST /api/ingest.
        #[arg(long, env = "CHRONICLE_TOKEN")]
        token: Option<String>,
        /// Also answer requests naming this host (repeatable): the public
        /// name behind a reverse proxy. Other names get 421 (DNS rebinding).
        #[arg(long = "allow-host", value_name = "NAME")]
        allow_host: Vec<String>,
    },
    /// Publish inputs to the work queue on NATS JetStream (one message per article file, JSONL
    /// line or WARC record) for `chronicle worker` processes to ingest.
    #[command(after_help = "Example:\n  chronicle submit --nats nats://queue-host:4222 crawl.warc.gz feed.jsonl")]
    Submit {
        /// Files or directories, read as `chronicle ingest` reads them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        queue: QueueArgs,
    },
    /// Ingest from the work queue into the store (--db, normally PostgreSQL): analyse batches
    /// in parallel with other workers, link and commit one batch at a time under the store's
    /// writer lock, acknowledge after the commit. Runs until stopped (or --drain).
    #[command(after_help = "Example:\n  chronicle --db postgres://chronicle@db-host/chronicle worker --nats nats://queue-host:4222")]
    Worker {
        #[command(flatten)]
        queue: QueueArgs,
        /// Messages per batch (one transaction each); default from data/queue/queue.tsv.
        #[arg(long)]
        batch: Option<usize>,
        /// Analysis threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Stop once the queue is empty and nothing is being worked on.
        #[arg(long)]
        drain: bool,
        /// Seconds a delivered message waits for its acknowledgement before it is redelivered
        /// (used when this worker creates the consumer); default from data/queue/queue.tsv.
        #[arg(long)]
        ack_wait: Option<u64>,
        /// Deliveries before a message goes to the dead letters (used when this worker
        /// creates the consumer); default from data/queue/queue.tsv.
        #[arg(long)]
        max_deliver: Option<i64>,
        /// Print where the time went, per stage, to stderr at the end.
        #[arg(long)]
        timings: bool,
    },
    /// The work queue and the record it feeds: queue depth, documents per minute, rejections by
    /// kind, dead letters.
    #[command(after_help = "Example:\n  chronicle --db postgres://chronicle@db-host/chronicle status --nats nats://queue-host:4222")]
    Status {
        #[command(flatten)]
        queue: QueueArgs,
        /// Seconds over which the rate is measured.
        #[arg(long, default_value_t = 5.0)]
        interval: f64,
    },
    /// Throughput benchmark of the whole pipeline on Reuters-21578.
    #[command(after_help = "Example:\n  cargo run --release -- bench --threads 1")]
    Bench {
        /// Reuters-21578 directory.
        #[arg(long, default_value = "../shared/data/reuters21578")]
        reuters: PathBuf,
        /// At most this many stories.
        #[arg(long)]
        limit: Option<usize>,
        /// Worker threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
    },
}

/// What `chronicle train` trains.
#[derive(Debug, Subcommand)]
pub enum TrainModel {
    /// The cleaner's HTML block classifier, on a dragnet-layout folder; prints the
    /// k-fold cross-validated token P/R/F1 of the whole cleaner (each page cleaned by a
    /// model that never saw it), the train-on-all figure and the figure without it.
    #[command(after_help = "Examples:\n  chronicle train clean\n  chronicle train clean ../shared/data/dragnet --folds 10 --out /tmp/block_model.tsv\n\nDRAGNET defaults to ../shared/data/dragnet (or $CHRONICLE_EVAL_DATA/dragnet).\nDeterministic: the same pages give the same file. The binary embeds data/clean/block_model.tsv\nwhen built: rebuild after training into it.")]
    Clean {
        /// The folder holding input/*.html and GoldStandard/*.txt.
        dragnet: Option<PathBuf>,
        /// Where to write the weights.
        #[arg(long, default_value = "data/clean/block_model.tsv")]
        out: PathBuf,
        /// Folds of the cross-validation over pages (below 2: none).
        #[arg(long, default_value_t = 5)]
        folds: usize,
    },
    /// The part-of-speech tagger, dependency parser and lemma table, on UD English EWT
    /// (less its held-out documents); prints progress, then the held-out report.
    #[command(after_help = "Examples:\n  chronicle train syntax\n  chronicle train syntax ../shared/data/ud-english-ewt --out /tmp/syntax\n  chronicle train syntax --silver /tmp/silver_reuters.conllu\n\nTREEBANK defaults to ../shared/data/ud-english-ewt (or $CHRONICLE_EVAL_DATA/ud-english-ewt).\nThe binary embeds data/syntax/ when built: rebuild after training into it.")]
    Syntax {
        /// The folder holding en_ewt-ud-dev.conllu and en_ewt-ud-test.conllu.
        treebank: Option<PathBuf>,
        /// Where to write tagger.bin, parser.bin and lemmas.tsv.
        #[arg(long, default_value = "data/syntax")]
        out: PathBuf,
        /// CoNLL-U files of silver trees on news to train on beside the gold trees
        /// (made by crates/syntax/train/silver.py; see data/syntax/README.md).
        #[arg(long, num_args = 1..)]
        silver: Vec<PathBuf>,
    },
    /// The entity tagger: word clusters from raw news text, then the tagger on CoNLL-2003
    /// train.txt; prints progress, then the report on valid.txt (never trained on).
    #[command(after_help = "Examples:\n  chronicle train ner\n  chronicle train ner --keep-clusters\n  chronicle train ner ../shared/data/conll2003 --out /tmp/ner\n\nCONLL defaults to ../shared/data/conll2003 (or $CHRONICLE_EVAL_DATA/conll2003); the raw text\ndefaults to reuters21578, timeline17 and polnear there plus CoNLL train.txt (words only).\nDeterministic: the same data gives the same files. The binary embeds data/ner/ when built:\nrebuild after training into it.")]
    Ner {
        /// The folder holding train.txt and valid.txt.
        conll: Option<PathBuf>,
        /// Where to write clusters.tsv and tagger.bin.
        #[arg(long, default_value = "data/ner")]
        out: PathBuf,
        /// Folders or files of raw text to learn the word clusters from (.sgm, .txt).
        #[arg(long, num_args = 1..)]
        raw: Vec<PathBuf>,
        /// Keep the clusters.tsv already in --out; train only the tagger.
        #[arg(long)]
        keep_clusters: bool,
    },
}

/// What `chronicle sample` draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SampleLayer {
    /// Coded events.
    Events,
    /// Quotes with their speakers.
    Quotes,
    /// Entity mentions.
    Entities,
    /// Merged events with two or more reports (does each join one happening?).
    Merges,
}

impl SampleLayer {
    /// The store layer it draws from.
    /// The store layer it draws from; `None` for merged events, which are
    /// cross-document rows, not a document layer.
    pub fn layer(self) -> Option<chronicle_store::Layer> {
        match self {
            SampleLayer::Events => Some(chronicle_store::Layer::Events),
            SampleLayer::Quotes => Some(chronicle_store::Layer::Quotes),
            SampleLayer::Entities => Some(chronicle_store::Layer::Mentions),
            SampleLayer::Merges => None,
        }
    }
}

/// How `chronicle show` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// Metadata, body and the sections asked for.
    Text,
    /// Only the sentences, as CoNLL-U.
    Conllu,
}

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per line (EXPORT-FORMAT.md).
    Jsonl,
    /// RFC 4180 CSV tables with a header line (docs/TABLES.md).
    Csv,
    /// Apache Parquet tables with typed columns (docs/TABLES.md).
    Parquet,
    /// Events in the GDELT 2.0 Event table layout, 61 tab-separated columns.
    Gdelt,
    /// Events in the POLECAT layout, tab-separated.
    Polecat,
}

impl ExportFormat {
    /// The table format, `None` for JSONL.
    pub fn table_format(self) -> Option<chronicle_tables::Format> {
        match self {
            ExportFormat::Jsonl => None,
            ExportFormat::Csv => Some(chronicle_tables::Format::Csv),
            ExportFormat::Parquet => Some(chronicle_tables::Format::Parquet),
            ExportFormat::Gdelt => Some(chronicle_tables::Format::Gdelt),
            ExportFormat::Polecat => Some(chronicle_tables::Format::Polecat),
        }
    }
}

/// Which table `chronicle export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableArg {
    /// Events (the default).
    Events,
    /// Documents with their bodies.
    Documents,
    /// Entities.
    Entities,
    /// Quotes.
    Quotes,
    /// Quantities.
    Quantities,
    /// Stories.
    Stories,
    /// Every table (needs --out DIR).
    All,
}

impl TableArg {
    /// The tables it names.
    pub fn tables(self) -> Vec<chronicle_tables::Table> {
        use chronicle_tables::Table;
        match self {
            TableArg::Events => vec![Table::Events],
            TableArg::Documents => vec![Table::Documents],
            TableArg::Entities => vec![Table::Entities],
            TableArg::Quotes => vec![Table::Quotes],
            TableArg::Quantities => vec![Table::Quantities],
            TableArg::Stories => vec![Table::Stories],
            TableArg::All => Table::ALL.to_vec(),
        }
    }
}

/// Evaluation tasks.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum EvalTask {
    /// Main-content extraction vs dragnet gold text (token P/R/F1).
    CleanHtml,
    /// Entities vs CoNLL-2003 dev.
    Conll,
    /// Time expressions vs TempEval-3 (value F1).
    Tempeval,
    /// Quote speakers vs PolNeAR dev.
    Polnear,
    /// Event types and actors vs the PLOVER gold-standard dev set.
    Plover,
    /// Story clustering vs Timeline17 topics.
    Timeline17,
    /// Topic clustering vs ECB+.
    Ecbplus,
    /// Event coreference vs ECB+'s gold event chains (pairwise over merged reports).
    EcbEvents,
    /// Timeline summarisation vs Timeline17's journalists' timelines (date F1, AR-1, AR-2).
    Tls,
    /// Exact-duplicate groups in Reuters-21578.
    ReutersDups,
    /// Tags, lemmas and dependency trees vs UD English EWT (held-out documents).
    Ud,
}

impl EvalTask {
    /// The data set directory name under ../shared/data.
    pub fn set(self) -> &'static str {
        match self {
            EvalTask::CleanHtml => "dragnet",
            EvalTask::Conll => "conll2003",
            EvalTask::Tempeval => "tempeval3",
            EvalTask::Polnear => "polnear",
            EvalTask::Plover => "plover-gsr",
            EvalTask::Timeline17 => "timeline17",
            EvalTask::Ecbplus | EvalTask::EcbEvents => "ecbplus",
            EvalTask::Tls => "timeline17",
            EvalTask::ReutersDups => "reuters21578",
            EvalTask::Ud => "ud-english-ewt",
        }
    }
}

/// A `YYYY-MM-DD` day argument, checked (an invalid day is an error, never an
/// ignored filter).
fn day(s: &str) -> Result<String, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|_| s.to_string())
        .map_err(|e| format!("'{s}' is not a day (YYYY-MM-DD): {e}"))
}

/// Where the work queue is.
#[derive(Debug, clap::Args)]
pub struct QueueArgs {
    /// The NATS server (JetStream enabled).
    #[arg(long, env = "CHRONICLE_NATS", default_value = "nats://127.0.0.1:4222")]
    pub nats: String,
    /// A queue of its own on that server (streams and consumer named with NAME): for several
    /// stores fed from one server.
    #[arg(long, env = "CHRONICLE_QUEUE")]
    pub queue: Option<String>,
}
