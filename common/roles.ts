/** Roles of the people who use a workstation (design: "Server and scale"). */
export const roles = ['officer', 'reviewer', 'head', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Whether a role name from elsewhere (the server's users reply) is one this version knows. */
export const isRole = (name: string): name is Role => (roles as readonly string[]).includes(name);

export const roleNames: Record<Role, string> = {
  officer: '办案人员',
  reviewer: '法制审核',
  head: '负责人',
  admin: '系统管理员', // accounts, the audit log, data imports
};
