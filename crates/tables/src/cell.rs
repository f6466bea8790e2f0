//! The declared shape of a table: typed columns, and the cells of a row.

use chrono::NaiveDate;

/// The type of a column, as Parquet stores it (CSV writes every type as text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// UTF-8 text.
    Text,
    /// 64-bit signed integer.
    Int,
    /// 64-bit float.
    Float,
    /// true / false.
    Bool,
    /// A calendar day (Parquet `Date32`, CSV `YYYY-MM-DD`).
    Date,
    /// A list of texts (Parquet `List<Utf8>`, CSV a JSON array).
    List,
}

impl Kind {
    /// The name the column tables in `docs/TABLES.md` use.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Int => "int64",
            Kind::Float => "float64",
            Kind::Bool => "bool",
            Kind::Date => "date",
            Kind::List => "list<text>",
        }
    }
}

/// One column of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Header name.
    pub name: &'static str,
    /// Type.
    pub kind: Kind,
    /// False when every row has a value (ids); lists are never null, only empty.
    pub nullable: bool,
}

/// A nullable column.
pub(crate) const fn col(name: &'static str, kind: Kind) -> Column {
    Column { name, kind, nullable: !matches!(kind, Kind::List) }
}

/// A column every row fills.
pub(crate) const fn required(name: &'static str, kind: Kind) -> Column {
    Column { name, kind, nullable: false }
}

/// One value of a row. `None` is unknown (an empty CSV field, a Parquet null).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// For [`Kind::Text`].
    Text(Option<String>),
    /// For [`Kind::Int`].
    Int(Option<i64>),
    /// For [`Kind::Float`].
    Float(Option<f64>),
    /// For [`Kind::Bool`].
    Bool(Option<bool>),
    /// For [`Kind::Date`].
    Date(Option<NaiveDate>),
    /// For [`Kind::List`].
    List(Vec<String>),
}

impl Cell {
    /// The kind of column this cell belongs in.
    pub fn kind(&self) -> Kind {
        match self {
            Cell::Text(_) => Kind::Text,
            Cell::Int(_) => Kind::Int,
            Cell::Float(_) => Kind::Float,
            Cell::Bool(_) => Kind::Bool,
            Cell::Date(_) => Kind::Date,
            Cell::List(_) => Kind::List,
        }
    }

    /// True when the value is unknown.
    pub fn is_null(&self) -> bool {
        match self {
            Cell::Text(v) => v.is_none(),
            Cell::Int(v) => v.is_none(),
            Cell::Float(v) => v.is_none(),
            Cell::Bool(v) => v.is_none(),
            Cell::Date(v) => v.is_none(),
            Cell::List(_) => false,
        }
    }

    /// The CSV form: empty when unknown, ISO days, lists joined by `list_sep`
    /// or, when it is `None`, as a JSON array.
    pub fn render(&self, list_sep: Option<&str>) -> String {
        match self {
            Cell::Text(v) => v.clone().unwrap_or_default(),
            Cell::Int(v) => v.map(|n| n.to_string()).unwrap_or_default(),
            Cell::Float(v) => v.map(|x| x.to_string()).unwrap_or_default(),
            Cell::Bool(v) => v.map(|b| b.to_string()).unwrap_or_default(),
            Cell::Date(v) => v.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            Cell::List(items) => match list_sep {
                Some(sep) => items.join(sep),
                None => serde_json::to_string(items).unwrap_or_default(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_render_unknown_as_empty_and_lists_as_json_or_joined() {
        assert_eq!(Cell::Text(None).render(None), "");
        assert_eq!(Cell::Int(Some(-3)).render(None), "-3");
        assert_eq!(Cell::Float(Some(2.5)).render(None), "2.5");
        assert_eq!(Cell::Date(NaiveDate::from_ymd_opt(2025, 5, 16)).render(None), "2025-05-16");
        let list = Cell::List(vec!["e:RUS".into(), "a \"b\"".into()]);
        assert_eq!(list.render(None), r#"["e:RUS","a \"b\""]"#);
        assert_eq!(list.render(Some(";")), "e:RUS;a \"b\"");
        assert!(!Cell::List(Vec::new()).is_null());
        assert!(Cell::Bool(None).is_null());
    }
}
