import "server-only";
import { assertCan, type ViewerWith } from "../auth/can";
import { applicationScope } from "../access/application-scope";
import { contactApplicationSelect } from "../access/application-dto";
import { withViewer } from "../access/with-viewer";
import { recordAudit } from "../audit/record-audit";
import type { MemberCheckOpen } from "../db/generated/enums";
import type { AppLocale } from "../i18n/locales";
import { NotFoundError } from "../errors";
import { displayPhone } from "../phone/mobile";
import type { GroupPerson } from "./get-group-workspace";
import { welcomeText, whatsappUrl } from "./whatsapp-link";

/** One person of the workspace, with what their own page needs to offer every action on them. */
export interface GroupPersonDetail extends GroupPerson {
  subarea: { id: number; name: string; inviteLink: string | null };
  /** The person's language, for the welcome message. */
  locale: AppLocale;
  inGroup: boolean;
  /** Set while the person is on the yearly member check's list. */
  memberCheckOpen: MemberCheckOpen | null;
  version: number;
}

/** Where a person's details went: their page in the workspace, or the WhatsApp link. */
export type PersonChannel = "detail" | "whatsapp";

/**
 * One person in the viewer's workspace, by application id: the same people and columns the
 * workspace lists (applicationScope: a contact status, or still in the group with a removal
 * status, in one of the viewer's own subareas). Anything else is "not found", so an id never
 * tells whether it exists. The view is a disclosure and goes into the audit trail with its
 * channel (no personal data in the event itself).
 *
 * @throws NotFoundError for an id outside the viewer's workspace.
 */
export async function getGroupPerson(viewer: ViewerWith<"group.work">, id: number, channel: PersonChannel): Promise<GroupPersonDetail> {
  assertCan(viewer, "group.work");
  return withViewer(viewer, async (tx) => {
    const found = await tx.application.findFirst({
      where: { AND: [applicationScope(viewer), { id, subareaId: { in: [...viewer.subareaIds] } }] },
      select: {
        ...contactApplicationSelect,
        locale: true,
        inGroup: true,
        memberCheckOpen: true,
        version: true,
        subarea: { select: { id: true, name: true, inviteLink: true } },
      },
    });
    if (!found?.subarea) throw new NotFoundError();
    await recordAudit(tx, viewer, {
      action: "application.disclosed",
      targetType: "Application",
      targetId: id,
      subjectIds: [id],
      meta: { channel, count: 1 },
    });
    const { subarea, ...person } = found;
    return { ...person, subarea, mobileDisplay: displayPhone(person.mobile) };
  });
}

/**
 * The WhatsApp chat with one person of the workspace, the welcome message in their own language
 * prefilled (lib/group/whatsapp-link.ts): the address the workspace's WhatsApp button redirects
 * to, so the page does not carry every message in full.
 *
 * @throws NotFoundError for an id outside the viewer's workspace.
 */
export async function welcomeChatUrl(viewer: ViewerWith<"group.work">, id: number): Promise<string> {
  assertCan(viewer, "group.work");
  const person = await getGroupPerson(viewer, id, "whatsapp");
  return whatsappUrl(person.mobile, welcomeText(person.locale, { name: person.name, subarea: person.subarea.name, inviteLink: person.subarea.inviteLink }));
}
