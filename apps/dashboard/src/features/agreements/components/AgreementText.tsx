import { Fragment } from 'react';
import { Mark, Stack, Text, Title } from '@mantine/core';
import { agreementBlocks, fieldPlaceholder, type TextPart } from '../agreement-text';

function Parts({ parts }: { parts: TextPart[] }) {
  return parts.map((part, index) =>
    'field' in part ? (
      <Mark key={index} color="blue" px={2}>
        {fieldPlaceholder(part.field)}
      </Mark>
    ) : (
      <Fragment key={index}>{part.text}</Fragment>
    ),
  );
}

/** A template's text as a reader sees it, each field shown as what fills it at signing. */
export function AgreementText({ body }: { body: string }) {
  return (
    <Stack gap="sm">
      {agreementBlocks(body).map((block, index) =>
        block.kind === 'heading' ? (
          <Title key={index} order={3} size="h5" mt="xs">
            <Parts parts={block.parts} />
          </Title>
        ) : (
          <Text key={index} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Parts parts={block.parts} />
          </Text>
        ),
      )}
    </Stack>
  );
}
