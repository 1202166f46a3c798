import type { NextRequest } from "next/server";
import { handleAuthGet, handleAuthPost, type NextAuthContext } from "@/lib/auth/next-auth-request";

export function GET(request: NextRequest, context: NextAuthContext): Promise<Response> {
  return handleAuthGet(request, context);
}

export function POST(request: NextRequest, context: NextAuthContext): Promise<Response> {
  return handleAuthPost(request, context);
}
