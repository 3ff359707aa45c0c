import { SectionTabs, sectionHome } from "./section-tabs.tsx";

/** The leaders' pages (指挥中心): one section of section-tabs.tsx. */
export const commandCentreHome = () => sectionHome("command");

export function CommandTabs() {
  return <SectionTabs section="command" />;
}
