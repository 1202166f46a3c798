// The signed-in visitor as every page and route sees it (no server-only import: types only).
export interface SessionUser {
  id: string;
  email: string | null;
  name: string | null;
  role: "VISITOR" | "ADMIN";
}
