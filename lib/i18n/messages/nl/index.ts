// One file per area keeps translations easy to find and merges quiet; each file holds whole
// top-level namespaces, so spreading cannot overwrite one file's keys with another's.
import common from "./common.json";
import pub from "./public.json";
import mail from "./mail.json";
import auth from "./auth.json";
import staff from "./staff.json";
import group from "./group.json";
import privacy from "./privacy.json";
import intake from "./intake.json";
import forms from "./forms.json";
import vocabulary from "./vocabulary.json";
import errorPages from "./error-pages.json";
import flyers from "./flyers.json";
import report from "./report.json";

const messages = { ...common, ...pub, ...mail, ...auth, ...staff, ...group, ...privacy, ...intake, ...forms, ...vocabulary, ...errorPages, ...flyers, ...report };
export default messages;
