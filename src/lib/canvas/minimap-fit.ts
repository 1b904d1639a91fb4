/** Whether the recipe's extent (flow coordinates) is all inside the pane at the current pan and zoom. */
export function fitsInView(
  extent: { x: number; y: number; right: number; bottom: number },
  viewport: { x: number; y: number; zoom: number },
  pane: { width: number; height: number }
): boolean {
  // Before the pane is measured (0 × 0), or with no nodes, there is nothing to map.
  if (!pane.width || !pane.height || !Number.isFinite(extent.right)) return true;
  const slack = 1; // sub-pixel rounding of the transform
  const left = extent.x * viewport.zoom + viewport.x;
  const top = extent.y * viewport.zoom + viewport.y;
  const right = extent.right * viewport.zoom + viewport.x;
  const bottom = extent.bottom * viewport.zoom + viewport.y;
  return left >= -slack && top >= -slack && right <= pane.width + slack && bottom <= pane.height + slack;
}
