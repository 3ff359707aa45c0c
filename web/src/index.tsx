import { render } from "solid-js/web";
import { App } from "./app.tsx";
import { restoreSession } from "./auth/session.ts";
import "./styles.css";

void restoreSession();
render(() => <App />, document.getElementById("root")!);
