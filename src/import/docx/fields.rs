//! Fields (`w:fldChar` begin, separate, end; `w:fldSimple`): shown as the result Word
//! last saved, their instructions never shown; a `HYPERLINK` field's result becomes a
//! link; a table of contents is left out; fields whose result can be out of date (DATE,
//! MERGEFIELD) are named in the report.

use roxmltree::Node;

use super::reader::{Field, Reader};
use super::xml::attr;
use crate::import::document::{Dropped, Inline};

impl Reader<'_> {
    /// Whether the runs being read are a field's instruction, not its result.
    pub(super) fn hides_runs(&self) -> bool {
        self.fields.iter().any(|f| !f.in_result || f.dropped)
    }

    /// `w:fldChar`: a field begins, its result begins, or it ends (a `HYPERLINK` field's
    /// result then becomes a link).
    pub(super) fn field_char(&mut self, node: Node, out: &mut Vec<Inline>) {
        match attr(node, "fldCharType") {
            Some("begin") => self.fields.push(Field {
                instruction: String::new(),
                in_result: false,
                result_at: None,
                dropped: false,
            }),
            Some("separate") => {
                let (serial, depth, len) = (self.paragraph_serial, self.depth, out.len());
                let Some(field) = self.fields.last_mut() else {
                    return;
                };
                field.in_result = true;
                field.result_at = Some((serial, depth, len));
                // A table of contents or an index repeats the letter's headings with page
                // numbers: it is not the letter's text.
                let kind = field
                    .instruction
                    .split_whitespace()
                    .next()
                    .unwrap_or_default();
                if ["TOC", "INDEX", "TOA"]
                    .iter()
                    .any(|k| kind.eq_ignore_ascii_case(k))
                {
                    field.dropped = true;
                    let kind = kind.to_ascii_uppercase();
                    self.document.dropped.push(Dropped::new(
                        "table of contents",
                        format!(
                            "a table of contents or index (field {kind}): generated from the text"
                        ),
                    ));
                }
            }
            Some("end") => {
                let Some(field) = self.fields.pop() else {
                    return;
                };
                let url = self.field_kind(&field.instruction);
                if let (Some(url), Some((serial, depth, start))) = (url, field.result_at)
                    && serial == self.paragraph_serial
                    && depth == self.depth
                    && start <= out.len()
                {
                    let content: Vec<Inline> = out.drain(start..).collect();
                    out.push(Inline::Link { url, content });
                }
            }
            _ => {}
        }
    }

    /// What a field instruction is: a hyperlink's address, or None after noting the
    /// field's type when it is one whose result can be out of date (`DATE`, `MERGEFIELD`).
    pub(super) fn field_kind(&mut self, instruction: &str) -> Option<String> {
        let mut words = instruction.split_whitespace();
        let kind = words.next().unwrap_or_default().to_ascii_uppercase();
        match kind.as_str() {
            "HYPERLINK" => {
                let rest: Vec<&str> = words.collect();
                if rest.first() == Some(&"\\l") {
                    return None;
                }
                let target = rest
                    .iter()
                    .find(|w| !w.starts_with('\\'))
                    .map(|w| w.trim_matches('"'))?;
                web_address(target)
            }
            "" | "PAGE" | "NUMPAGES" | "SECTIONPAGES" | "REF" | "PAGEREF" | "NOTEREF" | "SEQ"
            | "STYLEREF" | "TOC" | "XE" | "TC" => None,
            _ => {
                self.fields_shown.insert(kind);
                None
            }
        }
    }
}

/// An address worth keeping as a link: web and mail addresses (never `javascript:`,
/// `file:` or a path on the writer's computer).
pub(super) fn web_address(target: &str) -> Option<String> {
    let lower = target.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:", "ftp://"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
        .then(|| target.trim().to_string())
}
