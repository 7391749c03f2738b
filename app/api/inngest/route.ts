// Serves the Inngest functions to Inngest Cloud, a self-hosted server, or the dev server.
import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";

export const { GET, POST, PUT } = serve({ client: inngest, functions });
