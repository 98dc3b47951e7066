package org.borderwatch.report.weekly;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places map labels so that none overlaps another label or a marked obstacle (a marker, the legend, the inset):
 * each label tries the usual cartographic positions around its point in order (right, left, above right, below
 * right, above, below, above left, below left) and takes the first that is free and inside the frame; a label
 * with no free position is left off rather than drawn over another. Text widths are estimated from the font
 * size (a planner's map needs no exact metrics, only the room they take).
 */
final class Labels {
  /** An axis-aligned box in map pixels. */
  record Box(double x0, double y0, double x1, double y1) {
    boolean overlaps(Box o) {
      return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }

    static Box around(double x, double y, double r) {
      return new Box(x - r, y - r, x + r, y + r);
    }
  }

  /** A placed label: its text anchor point, SVG text-anchor and the box it occupies. */
  record Placed(String text, double x, double y, String anchor, Box box) {}

  /** Width of one character, as a share of the font size (DejaVu Sans and Noto Sans Thai average about this). */
  static final double CHAR_WIDTH = 0.58;

  private final double width;
  private final double height;
  private final List<Box> taken = new ArrayList<>();
  private final List<Placed> placed = new ArrayList<>();

  Labels(double width, double height) {
    this.width = width;
    this.height = height;
  }

  /** Marks a box that no label may cover. */
  void block(Box b) {
    taken.add(b);
  }

  List<Placed> placed() {
    return placed;
  }

  static double textWidth(String text, double size) {
    return text.codePointCount(0, text.length()) * size * CHAR_WIDTH;
  }

  /** Places {@code text} near the point ({@code gap} pixels from it), or returns empty when no position is free. */
  Optional<Placed> place(String text, double px, double py, double size, double gap) {
    double w = textWidth(text, size);
    double h = size;
    // candidate boxes: [x0, yTop] with the anchor used to draw the text from it
    double[][] at = {
        {px + gap, py - h / 2}, {px - gap - w, py - h / 2}, {px + gap * 0.7, py - gap * 0.7 - h},
        {px + gap * 0.7, py + gap * 0.7}, {px - w / 2, py - gap - h}, {px - w / 2, py + gap},
        {px - gap * 0.7 - w, py - gap * 0.7 - h}, {px - gap * 0.7 - w, py + gap * 0.7}};
    for (double[] a : at) {
      Box b = new Box(a[0], a[1], a[0] + w, a[1] + h);
      if (b.x0 < 1 || b.y0 < 1 || b.x1 > width - 1 || b.y1 > height - 1) {
        continue;
      }
      if (taken.stream().noneMatch(b::overlaps)) {
        return Optional.of(take(text, b, size));
      }
    }
    return Optional.empty();
  }

  /** Places {@code text} centred on the point, or nowhere. */
  Optional<Placed> centred(String text, double px, double py, double size) {
    double w = textWidth(text, size);
    Box b = new Box(px - w / 2, py - size / 2, px + w / 2, py + size / 2);
    if (b.x0 < 1 || b.y0 < 1 || b.x1 > width - 1 || b.y1 > height - 1 || taken.stream().anyMatch(b::overlaps)) {
      return Optional.empty();
    }
    return Optional.of(take(text, b, size));
  }

  private Placed take(String text, Box b, double size) {
    taken.add(b);
    // text drawn from its left end, baseline at about 0.8 of the box's height
    Placed p = new Placed(text, b.x0, b.y0 + size * 0.82, "start", b);
    placed.add(p);
    return p;
  }
}
