"use client";

import { ErrorPage } from "@/components/error-page";

/** A public page that failed: shown inside the public layout, so the header stays. */
export default ErrorPage;
