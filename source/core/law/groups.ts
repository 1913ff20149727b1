import gdprBases from '../../../questionnaires/law/shared/gdpr-bases.json' with {type: 'json'};
import gdprRecord from '../../../questionnaires/law/shared/gdpr-record.json' with {type: 'json'};
import transferCopy from '../../../questionnaires/law/shared/transfer-copy.json' with {type: 'json'};
import usCategories from '../../../questionnaires/law/shared/us-categories.json' with {type: 'json'};
import usSale from '../../../questionnaires/law/shared/us-sale.json' with {type: 'json'};
import usThresholds from '../../../questionnaires/law/shared/us-thresholds.json' with {type: 'json'};
import type {QuestionGroup} from './types.js';

/**
Questions several regimes need (questionnaires/law/shared/): each is asked once, while any
regime that uses it applies.
*/
export const questionGroups = [
	gdprBases,
	gdprRecord,
	transferCopy,
	usThresholds,
	usCategories,
	usSale,
] as unknown as readonly QuestionGroup[];
