"use client";

import { ErrorPage } from "@/components/error-page";

/** A staff page that failed: shown inside the staff layout, so the header and menu stay. */
export default ErrorPage;
