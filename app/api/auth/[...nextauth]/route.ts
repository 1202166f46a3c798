import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { refuseRateLimitedSignIn } from "@/lib/auth/credentials-sign-in-gate";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

function handle(request: NextRequest, context: RouteContext): Promise<Response> {
  return NextAuth(authOptions())(request, context);
}

export function GET(request: NextRequest, context: RouteContext): Promise<Response> {
  return handle(request, context);
}

export async function POST(request: NextRequest, context: RouteContext): Promise<Response> {
  return (await refuseRateLimitedSignIn(request)) ?? handle(request, context);
}
