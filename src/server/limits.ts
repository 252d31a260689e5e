import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import type { Config } from '../config/config';

/** graphql-armor settings shared by HTTP and WebSocket so both transports enforce the same limits. */
export function armorConfig(config: Config) {
  const l = config.limits;
  return {
    maxDepth: { n: l.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    costLimit: { maxCost: l.maxCost, ignoreIntrospection: true },
    maxAliases: { n: l.maxAliases },
    maxDirectives: { n: l.maxDirectives },
    maxTokens: { n: l.maxTokens },
    blockFieldSuggestion: { enabled: config.env === 'production' },
  };
}

/**
 * Apollo plugins and validation rules for HTTP. Tokens are limited by Apollo's own parser
 * (`parseOptions.maxTokens`): armor's token plugin throws from a plugin hook, which Apollo answers with a 500.
 */
export const httpProtection = (config: Config) => new ApolloArmor({ ...armorConfig(config), maxTokens: { enabled: false } }).protect();

/** The same validation rules for operations arriving over WebSocket (tokens are limited at parse time), introspection as over HTTP. */
export function websocketRules(config: Config): ValidationRule[] {
  const armor = armorConfig(config);
  const rules = [maxDepthRule(armor.maxDepth), maxAliasesRule(armor.maxAliases), maxDirectivesRule(armor.maxDirectives), costLimitRule(armor.costLimit)];
  return config.introspection ? rules : [...rules, NoSchemaIntrospectionCustomRule];
}
