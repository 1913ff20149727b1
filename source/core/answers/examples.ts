import brApp from '../../../questionnaires/examples/br-app.json' with {type: 'json'};
import caQuebec from '../../../questionnaires/examples/ca-quebec.json' with {type: 'json'};
import chSaas from '../../../questionnaires/examples/ch-saas.json' with {type: 'json'};
import euSaas from '../../../questionnaires/examples/eu-saas.json' with {type: 'json'};
import globalReps from '../../../questionnaires/examples/global-reps.json' with {type: 'json'};
import usConsumer from '../../../questionnaires/examples/us-consumer.json' with {type: 'json'};
import usMultistate from '../../../questionnaires/examples/us-multistate.json' with {type: 'json'};

/** Example answer sets bundled with the tool (`--example NAME`); outputs/ holds their documents. */
export const examples: Readonly<Record<string, {summary: string; answers: unknown}>> = {
	'eu-saas': {
		summary: 'an EU SaaS company using US processors (transfers and safeguards)',
		answers: euSaas,
	},
	'us-consumer': {
		summary: 'a US consumer app serving California (CCPA, sharing for advertising)',
		answers: usConsumer,
	},
	'us-multistate': {
		summary:
			'a US app serving many states (state privacy laws, targeted advertising, sensitive data)',
		answers: usMultistate,
	},
	'global-reps': {
		summary: 'a company outside the EU and UK serving both (representatives, automated decisions)',
		answers: globalReps,
	},
	'br-app': {
		summary: 'a São Paulo company serving Brazil (LGPD, encarregado, transfers on ANPD clauses)',
		answers: brApp,
	},
	'ca-quebec': {
		summary: 'a Montréal company serving Québec and the rest of Canada (Law 25, CASL)',
		answers: caQuebec,
	},
	'ch-saas': {
		summary: 'a Zürich company serving Switzerland and the EEA (FADP, Swiss-US DPF, adapted SCCs)',
		answers: chSaas,
	},
};

export const defaultExample = 'eu-saas';

export function exampleNames(): string[] {
	return Object.keys(examples);
}
