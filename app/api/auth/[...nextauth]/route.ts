import type { NextRequest } from "next/server";
import { handleAuthGet, handleAuthPost, type NextAuthContext } from "@/lib/auth/next-auth-request";
import { withDatabase } from "@/lib/http/database-unavailable";

export const GET = withDatabase((request: NextRequest, context: NextAuthContext): Promise<Response> => handleAuthGet(request, context));

export const POST = withDatabase((request: NextRequest, context: NextAuthContext): Promise<Response> => handleAuthPost(request, context));
