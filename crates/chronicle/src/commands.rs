//! One function per subcommand: build what it needs, call the libraries, print.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use chronicle_core::Document;
use chronicle_pipeline::{CrossView, IngestSummary, Pipeline};
use chronicle_store::Store;
use indicatif::{ProgressBar, ProgressStyle};

use crate::args::{Cli, Command, QueueArgs, EvalTask, SampleLayer, ShowFormat, TableArg, TrainModel};
use crate::{render, sheet};

/// Runs one parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest { paths, verbose, batch, threads, timings } => {
            ingest(&cli.db, &paths, IngestFlags { verbose, batch, threads, timings })
        }
        Command::Docs => {
            let store = open_existing(&cli.db)?;
            print!("{}", render::documents_table(&store.documents()?));
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { doc, blocks, annotations, events, syntax, format } => {
            let store = open_existing(&cli.db)?;
            let Some(d) = store.document(&doc)? else { bail!("no document matches {doc:?}") };
            if (syntax || format == ShowFormat::Conllu) && !d.tokens.iter().any(|t| t.syntax.is_some()) {
                eprintln!("note: {} has no syntax (stored before the syntax step, or data/syntax/ held no weights)", d.id);
            }
            if format == ShowFormat::Conllu {
                print!("{}", render::conllu(&d));
            } else {
                let color = std::io::stdout().is_terminal();
                let show = render::ShowOptions { blocks, annotations, events, syntax, color };
                print!("{}", render::document(&d, &show));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { format, table, out, no_header, no_mentions, no_sentences, reports } => {
            let store = open_existing(&cli.db)?;
            match format.table_format() {
                None => {
                    if table.is_some() {
                        bail!("--table applies to csv, parquet, gdelt and polecat; jsonl holds every kind of record");
                    }
                    let opts = chronicle_store::export::ExportOptions { mentions: !no_mentions, sentences: !no_sentences, spill_dir: None };
                    export_jsonl(&store, opts, reports, out.as_deref())
                }
                Some(format) => {
                    let tables = table.map_or_else(|| vec![chronicle_tables::Table::Events], TableArg::tables);
                    export_tables(&store, format, &tables, out.as_deref(), !no_header, reports)
                }
            }
        }
        Command::Stats => {
            let store = open_existing(&cli.db)?;
            print!("{}", render::stats(&store.stats()?));
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo { corpus, serve, bind } => demo(&corpus, serve.then_some(bind)),
        Command::Eval { task, path } => eval(task, path),
        Command::Train { model: TrainModel::Syntax { treebank, out, silver } } => train_syntax(treebank, &out, silver),
        Command::Train { model: TrainModel::Ner { conll, out, raw, keep_clusters } } => train_ner(conll, &out, raw, keep_clusters),
        Command::Train { model: TrainModel::Clean { dragnet, out, folds } } => train_clean(dragnet, &out, folds),
        Command::Events { actor, event_type, since, story } => {
            let store = open_existing(&cli.db)?;
            let docs = chronicle_pipeline::all_documents(&store)?;
            let filter = render::EventFilter { actor, event_type, since, story };
            print!("{}", render::events_table(&docs, &filter));
            Ok(ExitCode::SUCCESS)
        }
        Command::Positions { story } => {
            let store = open_existing(&cli.db)?;
            let docs = select_story(chronicle_pipeline::all_documents(&store)?, story.as_deref());
            let positions = chronicle_events::positions::positions(&docs);
            print!("{}", chronicle_events::positions::render_table(&positions));
            Ok(ExitCode::SUCCESS)
        }
        Command::Stories => {
            let stories = chronicle_pipeline::stories(&open_existing(&cli.db)?)?;
            print!("{}", render::stories_table(&stories));
            Ok(ExitCode::SUCCESS)
        }
        Command::Timeline { story, summary: true, dates, sentences, .. } => {
            let view = CrossView::load(&open_existing(&cli.db)?)?;
            let docs: Vec<Document> = match story.as_deref() {
                Some(s) => {
                    let found = view.story(Some(s)).with_context(|| format!("no story matches {s:?}"))?;
                    let ids: std::collections::HashSet<&chronicle_core::DocId> = found.documents.iter().collect();
                    view.docs.iter().filter(|d| ids.contains(&d.id)).cloned().collect()
                }
                None => view.docs,
            };
            let opts = chronicle_link::tls::TlsOptions { dates, sentences_per_date: usize::from(sentences) };
            let summary = chronicle_link::tls::summarise(&docs, &opts);
            print!("{}", chronicle_link::tls::render(&summary));
            println!("{} date(s) from {} document(s)", summary.len(), docs.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::Timeline { story, actor, .. } => {
            let view = CrossView::load(&open_existing(&cli.db)?)?;
            let story = match story.as_deref() {
                Some(s) => Some(view.story(Some(s)).with_context(|| format!("no story matches {s:?}"))?.id.clone()),
                None => None,
            };
            print!("{}", render::timeline(&view, story, actor));
            Ok(ExitCode::SUCCESS)
        }
        Command::Brief { story } => {
            let view = CrossView::load(&open_existing(&cli.db)?)?;
            let Some(s) = view.story(story.as_deref()) else { bail!("no story matches {story:?}") };
            print!("{}", chronicle_link::brief::brief_stored(s, &view.docs, &view.events, &view.clusters));
            Ok(ExitCode::SUCCESS)
        }
        Command::Sample { layer, n, seed, out } => sample(&cli.db, layer, n, seed, out.as_deref()),
        Command::Bench { reuters, limit, threads } => bench(&reuters, limit, threads),
        Command::Submit { paths, queue } => submit(&queue, &paths),
        Command::Worker { queue, batch, threads, drain, ack_wait, max_deliver, timings } => {
            worker(&cli.db, &queue, WorkerFlags { batch, threads, drain, ack_wait, max_deliver, timings })
        }
        Command::Status { queue, interval } => {
            let store = open(&cli.db)?;
            let status = chronicle_queue::status(&queue.nats, &queue_config(&queue)?, &store, Duration::from_secs_f64(interval.max(0.0)))?;
            print!("{}", status.render());
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve { bind, token, allow_host } => {
            eprintln!("serving {} on http://{bind}/ ({})", chronicle_store::shown_address(&cli.db), if token.is_some() { "ingest enabled" } else { "read-only" });
            chronicle_server::serve(&cli.db, bind, token, &allow_host)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `chronicle export --format jsonl`: merged events and stories (documents
/// stream from the store), or one record per report with `--reports`.
fn export_jsonl(store: &Store, mut opts: chronicle_store::export::ExportOptions, reports: bool, out: Option<&Path>) -> Result<ExitCode> {
    let in_folder = out.filter(|p| p.is_dir()).map(|d| d.join("chronicle.jsonl"));
    let path = in_folder.as_deref().or(out);
    opts.spill_dir = path.map(folder_of);
    let bar = export_bar(path.is_some(), "jsonl");
    let (mut out, name, pending) = output(path, "standard output", bar.as_ref())?;
    let counts = if reports {
        chronicle_store::export::write_jsonl(store, &mut out, &opts)?
    } else {
        let (stories, events) = chronicle_pipeline::cross_records(store)?;
        let cross = chronicle_store::export::CrossRecords { events: &events, stories: &stories };
        chronicle_store::export::write_jsonl_merged(store, &mut out, &opts, &cross)?
    };
    out.flush()?;
    drop(out);
    finish(pending)?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    eprintln!(
        "exported {} record(s) to {name}: {} document(s), {} entity(ies), {} event(s), {} story(ies)",
        counts.total(),
        counts.documents,
        counts.entities,
        counts.events,
        counts.stories
    );
    Ok(ExitCode::SUCCESS)
}

/// `chronicle export --format csv|parquet|gdelt|polecat`: the tables asked
/// for, in one pass, each to its file (or the one table to stdout); a line
/// per table on stderr says how many rows went where.
fn export_tables(
    store: &Store,
    format: chronicle_tables::Format,
    tables: &[chronicle_tables::Table],
    out: Option<&Path>,
    header: bool,
    reports: bool,
) -> Result<ExitCode> {
    if format.events_only() && tables != [chronicle_tables::Table::Events] {
        bail!("--format {} writes only the events table", format.as_str());
    }
    let folder = out.filter(|p| p.is_dir() || p.as_os_str().to_string_lossy().ends_with('/'));
    if tables.len() > 1 && folder.is_none() {
        bail!("--table all needs --out DIR (a folder for one file per table)");
    }
    if format == chronicle_tables::Format::Parquet && out.is_none() {
        bail!("--format parquet needs --out FILE or --out DIR");
    }
    if let Some(dir) = folder {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let bar = export_bar(out.is_some(), format.as_str());
    let mut outputs: Vec<(chronicle_tables::Table, Box<dyn Write + Send>)> = Vec::new();
    let mut names = Vec::new();
    let mut pendings = Vec::new();
    for &table in tables {
        let path = folder.map(|d| d.join(format!("{}.{}", table.as_str(), format.extension()))).or_else(|| out.map(Path::to_path_buf));
        let (writer, name, pending) = output(path.as_deref(), "standard output", bar.as_ref())?;
        outputs.push((table, writer));
        names.push(name);
        pendings.push(pending);
    }
    let places = if tables.contains(&chronicle_tables::Table::Events) { places()? } else { chronicle_tables::Places::default() };
    let opts = chronicle_tables::TableOptions { format, places: &places, header };
    let counts = if reports {
        chronicle_tables::write_tables(store, chronicle_tables::EventSource::Reports, &opts, outputs)?
    } else {
        let (stories, events) = chronicle_pipeline::cross_records(store)?;
        let cross = chronicle_store::export::CrossRecords { events: &events, stories: &stories };
        chronicle_tables::write_tables(store, chronicle_tables::EventSource::Merged(&cross), &opts, outputs)?
    };
    for pending in pendings {
        finish(pending)?;
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    for ((table, rows), name) in counts.iter().zip(&names) {
        eprintln!("{}: {rows} row(s) to {name}", table.as_str());
    }
    Ok(ExitCode::SUCCESS)
}

/// An export file written under a temporary name in its folder, and the name it
/// takes when complete ([`finish`]); `None` for standard output.
type Pending = Option<(tempfile::TempPath, PathBuf)>;

/// The folder a file is written in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf()
}

/// A buffered writer to `path`, else to stdout, that advances `bar` by the bytes
/// written; its name for messages; and the rename that puts the file in place. The
/// file is written under a temporary name beside `path` — the same file system, so
/// the rename is atomic — and a failed export leaves no half-written file.
fn output(path: Option<&Path>, stdout_name: &str, bar: Option<&ProgressBar>) -> Result<(Box<dyn Write + Send>, String, Pending)> {
    let (inner, name, pending): (Box<dyn Write + Send>, String, Pending) = match path {
        Some(p) => {
            let mut temp = tempfile::Builder::new();
            temp.prefix(".chronicle-export-");
            #[cfg(unix)]
            {
                // as `File::create` would: readable by others unless the umask says not
                use std::os::unix::fs::PermissionsExt;
                temp.permissions(std::fs::Permissions::from_mode(0o666));
            }
            let temp = temp
                .tempfile_in(folder_of(p))
                .with_context(|| format!("creating a file beside {}", p.display()))?;
            let (file, temp) = temp.into_parts();
            (Box::new(file), p.display().to_string(), Some((temp, p.to_path_buf())))
        }
        None => (Box::new(std::io::stdout()), stdout_name.to_string(), None),
    };
    let counted = CountedWriter { inner, bar: bar.cloned() };
    Ok((Box::new(std::io::BufWriter::new(counted)), name, pending))
}

/// Renames a completed export file into place.
fn finish(pending: Pending) -> Result<()> {
    if let Some((temp, path)) = pending {
        temp.persist(&path).with_context(|| format!("moving the export into {}", path.display()))?;
    }
    Ok(())
}

/// A spinner with the bytes written, on a terminal only: when stderr is not
/// one (piped, CI) or the output itself goes to the terminal, none; the
/// export's closing summary line says what was written either way.
fn export_bar(to_file: bool, what: &str) -> Option<ProgressBar> {
    let quiet = !std::io::stderr().is_terminal() || (!to_file && std::io::stdout().is_terminal());
    if quiet {
        return None;
    }
    let bar = ProgressBar::new_spinner();
    let style = ProgressStyle::with_template("{spinner} {elapsed} {msg}: {binary_bytes} written ({binary_bytes_per_sec})")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.set_message(format!("exporting {what}"));
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    Some(bar)
}

/// Counts the bytes that pass on a progress bar.
struct CountedWriter {
    inner: Box<dyn Write + Send>,
    bar: Option<ProgressBar>,
}

impl Write for CountedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Event locations' coordinates: the GeoNames places of the knowledge base.
fn places() -> Result<chronicle_tables::Places> {
    let kb = chronicle_language::kb::Kb::builtin().context("loading the knowledge base (data/kb)")?;
    let point = |p: &chronicle_language::kb::Place| chronicle_tables::PlacePoint { lat: p.lat, lon: p.lon, iso3: p.iso3.clone() };
    Ok(chronicle_tables::Places::new(kb.places.iter().map(|p| (p.kb_id(), point(p)))))
}

fn open(db: &Path) -> Result<Store> {
    if db.to_str().is_some_and(chronicle_store::is_postgres_url) {
        // the store's error names the database (without a password)
        return Store::open(db).context("opening the store");
    }
    Store::open(db).with_context(|| format!("opening the store {}", chronicle_store::shown_address(db)))
}

/// The store a read command reads: an error, not a new empty store, when
/// there is none at `db`.
fn open_existing(db: &Path) -> Result<Store> {
    match Store::open_existing(db) {
        Err(e @ chronicle_store::StoreError::Missing { .. }) => Err(e.into()),
        other => other.with_context(|| format!("opening the store {}", chronicle_store::shown_address(db))),
    }
}

/// Documents of one story (id or prefix); all when `story` is None.
fn select_story(docs: Vec<Document>, story: Option<&str>) -> Vec<Document> {
    match story {
        None => docs,
        Some(s) => {
            let want = if s.starts_with("s:") { s.to_string() } else { format!("s:{s}") };
            docs.into_iter()
                .filter(|d| d.meta.story.as_deref().is_some_and(|st| st.starts_with(&want)))
                .collect()
        }
    }
}

/// The flags of `chronicle ingest`.
struct IngestFlags {
    verbose: bool,
    batch: usize,
    threads: Option<usize>,
    timings: bool,
}

fn ingest(db: &Path, paths: &[PathBuf], flags: IngestFlags) -> Result<ExitCode> {
    let mut pipeline = Pipeline::load()?;
    if let Some(n) = flags.threads {
        pipeline.set_threads(n)?;
    }
    pipeline.batch_size = flags.batch.max(1);
    let mut store = open(db)?;
    let started = Instant::now();
    let summary = ingest_with_progress(&pipeline, &mut store, paths)?;
    report(&summary, flags.verbose);
    if flags.timings {
        let secs = started.elapsed().as_secs_f64();
        let stored = summary.ingested.len() + summary.appended.len();
        eprint!("{}", summary.times.render());
        eprintln!(
            "wall {secs:.2} s, {stored} documents stored, {:.0} docs/s on {} thread(s)",
            stored as f64 / secs.max(1e-9),
            pipeline.threads()
        );
    }
    // Non-zero only when nothing could be ingested at all (duplicates count as
    // handled: re-ingesting a corpus is not a failure).
    if summary.ingested.is_empty() && summary.duplicates.is_empty() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn ingest_with_progress(pipeline: &Pipeline, store: &mut Store, paths: &[PathBuf]) -> Result<IngestSummary> {
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {elapsed} {pos} inputs ({per_sec}) {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        Some(bar)
    } else {
        None
    };
    let started = Instant::now();
    let store_name = store.path().map(|p| p.display().to_string());
    let summary = pipeline.ingest(store, paths, |p| {
        if p.store_busy {
            let db = store_name.as_deref().unwrap_or("the store");
            eprintln!("store busy: another process is writing to {db}; waiting for it to finish");
        }
        if let Some(bar) = &bar {
            bar.set_position(p.inputs as u64);
            let mb = p.bytes as f64 / 1e6;
            bar.set_message(format!("{mb:.1} MB, {:.1} MB/s", mb / started.elapsed().as_secs_f64().max(1e-3)));
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(summary)
}

fn report(summary: &IngestSummary, verbose: bool) {
    // Rejections always get their one line: the user must see what was lost.
    for r in &summary.rejected {
        eprintln!("rejected {}: {}", r.source, r.reason);
    }
    if verbose {
        for (source, id) in &summary.duplicates {
            eprintln!("duplicate {source}: already stored as {id}");
        }
    }
    println!("{}", summary.render());
}

fn demo(corpus: &Path, serve: Option<std::net::SocketAddr>) -> Result<ExitCode> {
    let corpus = if corpus.exists() {
        corpus.to_path_buf()
    } else {
        // Also works from another directory: fall back to the corpus in the source tree.
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/istanbul-talks")
    };
    if !corpus.exists() {
        bail!("demo corpus {} not found", corpus.display());
    }
    let dir = tempfile::tempdir().context("creating a temporary store")?;
    let db = dir.path().join("demo.db");
    let pipeline = Pipeline::load()?;
    let mut store = open(&db)?;
    let summary = ingest_with_progress(&pipeline, &mut store, std::slice::from_ref(&corpus))?;
    report(&summary, false);
    println!();
    print!("{}", render::documents_table(&store.documents()?));
    let view = CrossView::load(&store)?;
    print!("{}", render::demo_overview(&view));
    if let Some(bind) = serve {
        drop(store);
        eprintln!("serving the demo chronicle on http://{bind}/ (Ctrl-C to stop)");
        chronicle_server::serve(&db, bind, None, &[])?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Where a gold set lives: `$CHRONICLE_EVAL_DATA/<set>`, else `../shared/data/<set>`.
fn data_set(set: &str) -> PathBuf {
    let base = std::env::var_os("CHRONICLE_EVAL_DATA").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("../shared/data"));
    base.join(set)
}

fn eval(task: EvalTask, path: Option<PathBuf>) -> Result<ExitCode> {
    let path = path.unwrap_or_else(|| data_set(task.set()));
    if !path.exists() {
        println!("skipped: {} not found (the dev sets live in ../shared/data)", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    let result = match task {
        EvalTask::CleanHtml => chronicle_clean::eval::clean_html(&path),
        EvalTask::Conll => chronicle_language::eval::conll::run(&path),
        EvalTask::Tempeval => chronicle_language::eval::tempeval::run(&path),
        EvalTask::Polnear => chronicle_language::eval::polnear::run(&path),
        EvalTask::Plover => chronicle_events::eval::plover(&path),
        EvalTask::Timeline17 => chronicle_link::eval::timeline17(&path),
        EvalTask::Ecbplus => chronicle_link::eval::ecbplus(&path),
        EvalTask::EcbEvents => {
            let pipeline = Pipeline::load()?;
            chronicle_link::ecb_events::ecb_events(&path, &|inputs| pipeline.documents(inputs))
        }
        EvalTask::ReutersDups => chronicle_link::eval::reuters_dups(&path),
        EvalTask::Ud => return eval_ud(&path),
        EvalTask::Tls => return eval_tls(&path),
    };
    match result {
        Ok(report) => {
            print!("{}", report.render());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => bail!("eval failed: {e}"),
    }
}

/// `chronicle eval ud`: the built-in syntax models on a CoNLL-U file or folder;
/// its report's last line is `ud: UPOS=… UAS=… LAS=… F1=…`.
fn eval_ud(path: &Path) -> Result<ExitCode> {
    let syntax = chronicle_syntax::Syntax::builtin().context("loading the syntax models")?;
    let lines = chronicle_syntax::eval::report(&syntax, path).context("eval failed")?;
    for line in lines {
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `chronicle train ner`: learns the word clusters from raw text (unless
/// `keep_clusters`), trains the entity tagger on CoNLL-2003 `train.txt`,
/// writes both into `out`, then scores the fresh tagger on `valid.txt`.
fn train_ner(conll: Option<PathBuf>, out: &Path, raw: Vec<PathBuf>, keep_clusters: bool) -> Result<ExitCode> {
    let conll = conll.unwrap_or_else(|| data_set(EvalTask::Conll.set()));
    if !conll.join("train.txt").is_file() {
        bail!("no CoNLL-2003 train.txt in {}", conll.display());
    }
    let raw = if keep_clusters {
        Vec::new()
    } else if raw.is_empty() {
        let mut d: Vec<PathBuf> = ["reuters21578", "timeline17", "polnear"].iter().map(|s| data_set(s)).filter(|p| p.exists()).collect();
        d.push(conll.join("train.txt"));
        d
    } else {
        raw
    };
    let started = Instant::now();
    let trained = chronicle_language::ner::train::train_all(&conll, &raw, out, &mut |line| {
        eprintln!("[{:>6.1} s] {line}", started.elapsed().as_secs_f64());
    })
    .context("training failed")?;
    let rec = chronicle_language::ner::Recognizer::with_model(trained.model).context("loading the fresh tagger")?;
    let report = chronicle_language::eval::conll::run_with(&conll, &rec).map_err(|e| anyhow::anyhow!("scoring valid.txt: {e}"))?;
    eprintln!("the chronicle binary embeds data/ner/ when built: rebuild to use weights written there");
    print!("{}", report.render());
    Ok(ExitCode::SUCCESS)
}

/// `chronicle train clean`: trains the HTML block classifier on a dragnet-layout folder,
/// cross-validates it over pages, and writes the weights (with the figures in the header).
fn train_clean(dragnet: Option<PathBuf>, out: &Path, folds: usize) -> Result<ExitCode> {
    let dir = dragnet.unwrap_or_else(|| data_set(EvalTask::CleanHtml.set()));
    if !dir.join("GoldStandard").is_dir() {
        bail!("no dragnet folder at {} (it holds input/*.html and GoldStandard/*.txt)", dir.display());
    }
    let started = Instant::now();
    let opts = chronicle_clean::train::TrainOptions { folds, ..Default::default() };
    let report = chronicle_clean::train::train_blocks(&dir, &opts, &mut |line| {
        eprintln!("[{:>6.1} s] {line}", started.elapsed().as_secs_f64());
    })
    .map_err(anyhow::Error::msg)
    .context("training failed")?;
    let command = format!("chronicle train clean <dragnet> --folds {folds}");
    std::fs::write(out, report.model_tsv(&command, &opts)).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {}; the chronicle binary embeds data/clean/block_model.tsv when built: rebuild to use it", out.display());
    let show = |name: &str, c: &chronicle_core::Counts| println!("{name}: P={:.3} R={:.3} F1={:.3}", c.precision(), c.recall(), c.f1());
    if folds >= 2 {
        show(&format!("clean-html {folds}-fold cross-validated"), &report.cv);
    }
    show("clean-html trained on all pages", &report.all);
    show("clean-html without the classifier", &report.baseline);
    Ok(ExitCode::SUCCESS)
}

/// `chronicle eval tls`: the whole pipeline on each topic folder's articles in
/// memory, the summary scored against the folder's timelines.
fn eval_tls(path: &Path) -> Result<ExitCode> {
    let pipeline = Pipeline::load()?;
    let lines = chronicle_link::eval::tls(path, &|inputs| pipeline.documents(inputs)).map_err(anyhow::Error::msg).context("eval failed")?;
    for line in lines {
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `chronicle train syntax`: trains on the treebank (held-out documents left
/// out), writes the weights into `out`, then scores the fresh models on the
/// held-out documents. Progress goes to stderr, the report to stdout.
fn train_syntax(treebank: Option<PathBuf>, out: &Path, silver: Vec<PathBuf>) -> Result<ExitCode> {
    let treebank = treebank.unwrap_or_else(|| data_set(EvalTask::Ud.set()));
    if !treebank.is_dir() {
        bail!("no treebank folder at {} (it holds en_ewt-ud-dev.conllu and en_ewt-ud-test.conllu)", treebank.display());
    }
    let started = Instant::now();
    let cfg = chronicle_syntax::train::TrainConfig { silver, ..Default::default() };
    let trained = chronicle_syntax::train::train_to_dir(&treebank, out, cfg, &mut |line| {
        eprintln!("[{:>6.1} s] {line}", started.elapsed().as_secs_f64());
    })
    .context("training failed")?;
    eprintln!("wrote {} in {:.1} s", out.display(), started.elapsed().as_secs_f64());
    let syntax = trained.to_syntax().context("the fresh weights do not load")?;
    let lines = chronicle_syntax::eval::report(&syntax, &treebank).context("scoring the held-out documents")?;
    eprintln!("the chronicle binary embeds data/syntax/ when built: rebuild to use weights written there");
    for line in lines {
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `chronicle sample`: draws the items, writes the sheet, says how many on stderr.
fn sample(db: &Path, layer: SampleLayer, n: usize, seed: u64, out: Option<&Path>) -> Result<ExitCode> {
    let store = open_existing(db)?;
    let (sheet, drawn, total, what) = match layer.layer() {
        Some(layer) => {
            let drawn = chronicle_pipeline::sample::sample(&store, layer, n, seed)?;
            (sheet::sheet(&drawn), drawn.items.len(), drawn.total, sheet::layer_name(layer))
        }
        None => {
            let drawn = chronicle_pipeline::sample::sample_merges(&store, n, seed)?;
            (sheet::merge_sheet(&drawn), drawn.items.len(), drawn.total, "merged events with two or more reports")
        }
    };
    match out {
        Some(path) => {
            std::fs::write(path, &sheet).with_context(|| format!("writing the sheet {}", path.display()))?;
            eprintln!("wrote {drawn} of {total} {what} to {}", path.display());
        }
        None => print!("{sheet}"),
    }
    Ok(ExitCode::SUCCESS)
}

fn bench(reuters: &Path, limit: Option<usize>, threads: Option<usize>) -> Result<ExitCode> {
    if !reuters.exists() {
        println!("skipped: {} not found", reuters.display());
        return Ok(ExitCode::SUCCESS);
    }
    let inputs = chronicle_pipeline::reuters::read_dir(reuters, limit).map_err(anyhow::Error::msg)?;
    let n_inputs = inputs.len();
    let mut pipeline = Pipeline::load()?;
    if let Some(n) = threads {
        pipeline.set_threads(n)?;
    }
    let started = Instant::now();
    let mut docs = 0usize;
    let mut sentences = 0usize;
    let mut chunk = Vec::with_capacity(pipeline.batch_size);
    let run_chunk = |chunk: Vec<chronicle_core::RawInput>, docs: &mut usize, sentences: &mut usize| {
        for found in pipeline.process(chunk).into_iter().flatten() {
            *docs += found.len();
            *sentences += found.iter().map(|d| d.sentences.len()).sum::<usize>();
        }
    };
    for input in inputs {
        chunk.push(input);
        if chunk.len() == pipeline.batch_size {
            run_chunk(std::mem::take(&mut chunk), &mut docs, &mut sentences);
        }
    }
    run_chunk(chunk, &mut docs, &mut sentences);
    let secs = started.elapsed().as_secs_f64();
    let threads = pipeline.threads();
    println!("inputs: {n_inputs}  documents: {docs}  sentences: {sentences}  threads: {threads}");
    println!(
        "clean+annotate+events: {secs:.2} s  {:.0} docs/s  {:.0} sentences/s  ({:.0} docs/s per thread)",
        docs as f64 / secs,
        sentences as f64 / secs,
        docs as f64 / secs / threads as f64
    );
    println!("peak RSS: {}", render::peak_rss().unwrap_or_else(|| "unknown".into()));
    Ok(ExitCode::SUCCESS)
}

/// The queue settings of data/queue/queue.tsv, for the named queue if one is given.
fn queue_config(args: &QueueArgs) -> Result<chronicle_queue::QueueConfig> {
    let config = chronicle_queue::QueueConfig::builtin()?;
    Ok(match &args.queue {
        Some(name) => config.named(name),
        None => config,
    })
}

fn submit(args: &QueueArgs, paths: &[PathBuf]) -> Result<ExitCode> {
    let config = queue_config(args)?;
    let summary = chronicle_queue::submit(&args.nats, &config, paths, &chronicle_ingest::IngestOptions::default(), |_| {})?;
    for r in &summary.rejected {
        eprintln!("rejected {}: {}", r.source, r.reason);
    }
    println!("{}", summary.render());
    if summary.published == 0 && summary.duplicates == 0 {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The flags of `chronicle worker`.
struct WorkerFlags {
    batch: Option<usize>,
    threads: Option<usize>,
    drain: bool,
    ack_wait: Option<u64>,
    max_deliver: Option<i64>,
    timings: bool,
}

fn worker(db: &Path, args: &QueueArgs, flags: WorkerFlags) -> Result<ExitCode> {
    if let Some(n) = flags.threads {
        rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global().context("thread pool")?;
    }
    let mut config = queue_config(args)?;
    if let Some(s) = flags.ack_wait {
        config.ack_wait = Duration::from_secs(s.max(1));
    }
    if let Some(n) = flags.max_deliver {
        config.max_deliver = n.max(1);
    }
    let pipeline = Pipeline::load()?;
    let mut store = open(db)?;
    let options = chronicle_queue::WorkerOptions { batch: flags.batch, drain: flags.drain };
    let started = Instant::now();
    let summary = chronicle_queue::work(&args.nats, &config, &mut store, &pipeline, &options, |b| {
        eprintln!(
            "batch of {}: stored {}, {} duplicate(s), {} rejected, {} dead-lettered",
            b.messages, b.stored, b.duplicates, b.rejected, b.dead
        );
    })?;
    println!("{}", summary.render());
    if flags.timings {
        let secs = started.elapsed().as_secs_f64();
        eprint!("{}", summary.times.render());
        eprintln!("wall {secs:.2} s, {} documents stored, {:.1} docs/s", summary.stored, summary.stored as f64 / secs.max(1e-9));
    }
    Ok(ExitCode::SUCCESS)
}
