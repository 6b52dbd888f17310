import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import {
  ConfirmEmailSection,
  CorrectSection,
  DetailsSection,
  EraseSection,
  PrivacyRequestSection,
  MemberCheckSection,
  ReconfirmSection,
  StatusSection,
  WithdrawSection,
  type ManageActions,
  type ManageSectionProps,
} from "@/components/manage/manage-sections";
import { confirmOwnEmailAddress, correctOwnDetails, eraseOwnApplicationAction, withdrawOwnApplicationAction } from "@/lib/applications/manage-actions";
import { confirmMembershipAction, reconfirmFromLinkAction, requestPrivacyFromLinkAction } from "@/lib/privacy/resident-actions";
import { PageTitle } from "@/components/prose";
import { applicationIdForToken, getOwnApplication } from "@/lib/applications/own-application";
import { config } from "@/lib/config/env";
import { ifNotFound } from "@/lib/http/not-found";
import { pageWhenDatabaseDown } from "@/lib/http/when-database-down";

// The page's sections, top to bottom. Another section is one more entry here.
const SECTIONS: ((props: ManageSectionProps) => Promise<React.ReactNode>)[] = [
  StatusSection,
  ReconfirmSection,
  MemberCheckSection,
  ConfirmEmailSection,
  DetailsSection,
  CorrectSection,
  WithdrawSection,
  PrivacyRequestSection,
  EraseSection,
];

const ACTIONS: ManageActions = {
  correct: correctOwnDetails,
  confirmEmail: confirmOwnEmailAddress,
  withdraw: withdrawOwnApplicationAction,
  erase: eraseOwnApplicationAction,
  privacyRequest: requestPrivacyFromLinkAction,
  reconfirm: reconfirmFromLinkAction,
  memberCheck: confirmMembershipAction,
};

const DONE = ["saved", "unchanged", "emailChanged", "confirmed", "withdrawn"] as const;
const ERRORS = ["transition", "conflict", "notFound", "unavailable", "confirmErase"] as const;

export async function generateMetadata(): Promise<Metadata> {
  // The token is in the address: no search engine, and no Referer to any other site.
  return { title: (await getTranslations("managePage"))("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The resident's private page, reached by the link in their mail. */
export default async function ManagePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return pageWhenDatabaseDown(async () => {
    const t = await getTranslations("managePage");
    const [{ token }, query] = await Promise.all([params, searchParams]);
    const id = await applicationIdForToken(token);
    const application = id === null ? null : await ifNotFound(getOwnApplication(id), () => null);
    if (!application) {
      return (
        <article className="space-y-4">
          <PageTitle>{t("invalidTitle")}</PageTitle>
          <p>{t("invalid", { mailbox: config().MAILBOX_ADDRESS })}</p>
        </article>
      );
    }
    const done = DONE.find((d) => d === query.done);
    const error = ERRORS.find((e) => e === query.error);
    return (
      <article className="space-y-6">
        <div className="space-y-3">
          <PageTitle>{t("title")}</PageTitle>
          <p>{t("intro")}</p>
          {done && (
            <p role="status" className="rounded border-l-4 border-brand-700 bg-brand-50 p-3 font-medium">
              {t(`done.${done}`)}
            </p>
          )}
          {error && (
            <p role="alert" className="rounded border-l-4 border-alert-700 bg-red-50 p-3 font-medium text-alert-700">
              {t(`error.${error}`)}
            </p>
          )}
        </div>
        {SECTIONS.map((Section) => (
          <Section key={Section.name} application={application} token={token} actions={ACTIONS} />
        ))}
      </article>
    );
  });
}
