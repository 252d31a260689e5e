import type { AuthChecker } from 'type-graphql';
import type { Context } from '../../common/context';
import { forbidden, unauthenticated } from '../../common/errors';

/** Requirements usable in `@Authorized(...)`: a role and/or the write scope. */
export enum Requirement {
  ADMIN = 'ADMIN',
  WRITE = 'WRITE',
}

/** Every `@Authorized` field needs a viewer; ADMIN needs the admin role; WRITE needs a key with the write scope. */
export const authChecker: AuthChecker<Context> = ({ context }, requirements) => {
  const viewer = context.viewer;
  if (!viewer) throw unauthenticated();
  if (requirements.includes(Requirement.ADMIN) && viewer.role !== 'ADMIN') {
    throw forbidden('This operation requires the ADMIN role; your account is a MEMBER.');
  }
  if (requirements.includes(Requirement.WRITE) && !viewer.scopes.includes('write')) {
    throw forbidden('This API key is read-only; create a key with the "write" scope.');
  }
  return true;
};
