//! `chronicle eval clean-html [PATH]`: token-level precision, recall and F1 of the cleaned
//! body against gold text, on the dragnet layout (`input/NAME.html` + `GoldStandard/NAME.txt`)
//! or Zyte's article-extraction-benchmark layout (`html/NAME.html.gz` + `ground-truth.json`).
