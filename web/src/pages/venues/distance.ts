/** A distance as people read it: metres under a kilometre, else kilometres with one decimal. */
export function distanceText(metres: number, t: (key: "place.metres" | "place.kilometres", params: { distance: string | number }) => string): string {
  return metres < 1000 ? t("place.metres", { distance: metres }) : t("place.kilometres", { distance: (metres / 1000).toFixed(1) });
}
