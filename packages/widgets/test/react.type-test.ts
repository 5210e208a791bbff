// Type tests of the generated React wrappers (`@poly-partner/widgets/react`), checked by `tsc` (the root typecheck),
// never run: each `@ts-expect-error` line must fail to compile, the others must compile.
import type { PartnerClient } from '@poly-partner/sdk';
import { createElement, createRef } from 'react';
import { DealRegistrationForm, NextTierChecklist, PartnerConfig, PartnerTierBadge } from '../src/react/index.js';

declare const client: PartnerClient;

// Events arrive typed: the deal of `partner-deal-registered`, the PartnerApiError of `partner-error`.
createElement(DealRegistrationForm, { partnerId: 'P-1', onPartnerDealRegistered: (event) => event.deal.id.toUpperCase() });
createElement(PartnerTierBadge, { size: 'large', onPartnerError: (event) => event.error.code });
// Properties that have no attribute are props too, and refs reach the element.
createElement(NextTierChecklist, { client, asOf: '2027-01-01', ref: createRef<HTMLElementTagNameMap['next-tier-checklist']>() });
createElement(PartnerConfig, { apiBase: 'https://api.example', tokenEndpoint: '/token', onPartnerConfigChange: (event) => event.type });

// @ts-expect-error the badge has three sizes
createElement(PartnerTierBadge, { size: 'huge' });
// @ts-expect-error `partner-ready` carries no deal
createElement(DealRegistrationForm, { onPartnerReady: (event) => event.deal });
// @ts-expect-error only the form fires `partner-deal-registered`
createElement(PartnerTierBadge, { onPartnerDealRegistered: () => undefined });
