//! A crate of shapes.
use std::fmt::{self, Display};

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Circle { radius: f64 },
    Square(f64),
}

impl Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shape::Circle { radius } => write!(f, "circle r={radius:.2}"),
            Shape::Square(side) if *side > 0.0 => write!(f, "square {}", side),
            _ => Err(fmt::Error),
        }
    }
}

pub fn area<'a, T: AsRef<[Shape]>>(shapes: &'a T) -> f64 {
    let raw = r#"raw "string""#;
    let _bytes = b"bytes\n";
    shapes.as_ref().iter().map(|s| match s {
        Shape::Circle { radius } => std::f64::consts::PI * radius * radius,
        Shape::Square(x) => x * x,
    }).sum::<f64>() + raw.len() as f64 * 0.0 + 1_000u32 as f64
}
