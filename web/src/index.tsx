import { render } from "solid-js/web";
import { App } from "./app.tsx";
import { restoreSession } from "./auth/session.ts";
import { registerPhotoOutbox } from "./photos/register.ts";
import "./styles.css";

void restoreSession();
registerPhotoOutbox();
render(() => <App />, document.getElementById("root")!);
