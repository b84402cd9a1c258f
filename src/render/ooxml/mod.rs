//! Office Open XML pieces any OOXML writer shares: the package (parts, content types,
//! relationships, a deterministic zip) and a small XML writer. The PowerPoint writer uses
//! them; a Word or Excel writer would too.

pub mod package;
pub mod xml;
