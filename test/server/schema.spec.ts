import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLSchema,
} from 'graphql';
import { gatewaySchema } from '../../src/server/schema';

/** Every schema element (outside introspection and built-in scalars) whose description is missing or blank. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (element: { description?: string | null }, name: string) => {
    if (!element.description?.trim()) missing.push(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    check(type, `type ${type.name}`);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(field, `field ${type.name}.${field.name}`);
        for (const arg of field.args) check(arg, `argument ${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) check(field, `input field ${type.name}.${field.name}`);
    if (isEnumType(type)) for (const value of type.getValues()) check(value, `enum value ${type.name}.${value.name}`);
    if (isUnionType(type)) check(type, `union ${type.name}`);
  }
  for (const directive of schema.getDirectives()) {
    if (['include', 'skip', 'deprecated', 'specifiedBy', 'oneOf'].includes(directive.name)) continue;
    check(directive, `directive @${directive.name}`);
    for (const arg of directive.args) check(arg, `argument @${directive.name}(${arg.name})`);
  }
  return missing;
}

it('describes every type, field, argument, input field and enum value', async () => {
  const schema = await gatewaySchema();
  expect(Object.keys(schema.getTypeMap()).length).toBeGreaterThan(30);
  expect(undescribed(schema)).toEqual([]);
});
