/**
 * 被保険者資格申立書, A4, one page: pre-filled from what the desk knows (受診日, 氏名, 生年月日,
 * 性別, the insurance type ticked, 保険者・記号番号), blank lines where the patient writes
 * (フリガナ, 住所, 電話番号, 勤務先, 署名). Always in Japanese: it goes with the claim.
 */
import { useTranslation } from 'react-i18next';
import { formatWareki } from '../../../shared/domain/wareki.ts';
import type { FieldValues } from '../../../shared/documents/document-fields.ts';
import { INSURER_TYPES, type InsurerType } from '../../../shared/rules/vocabulary.ts';
import '../print.css';

const wareki = (d: string | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? formatWareki(d) : '');

function Tick(props: { on: boolean; label: string }) {
  return (
    <span className="box" data-ticked={props.on ? 'yes' : 'no'}>
      <span className="tick">{props.on ? '✓' : ''}</span>
      {props.label}
    </span>
  );
}

/** 性別 as printed on the documents (男/女, M/F, 1/2). */
const sexOf = (s: string | undefined): '1' | '2' | undefined =>
  s === undefined ? undefined : /^(男|M|1)/i.test(s) ? '1' : /^(女|F|2)/i.test(s) ? '2' : undefined;

export function DeclarationSheet(props: {
  date: string;
  name: string;
  birthDate: string;
  values: FieldValues;
  facilityName: string;
  insurerType?: InsurerType | '';
}) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('ja');
  const v = props.values;
  const sex = sexOf(v.sex);
  const employee = props.insurerType === 'kyokai' || props.insurerType === 'kumiai' || props.insurerType === 'kyosai';
  return (
    <section className="declaration sheet print-only" data-testid="declaration">
      <h1>{t('declaration.title')}</h1>
      <p className="lead">{t('declaration.lead')}</p>
      <table>
        <tbody>
          <tr>
            <th>{t('declaration.visitDate')}</th>
            <td data-field="visitDate">{wareki(props.date)}</td>
          </tr>
          <tr>
            <th>{t('declaration.kana')}</th>
            <td className="write" />
          </tr>
          <tr>
            <th>{t('declaration.name')}</th>
            <td className="write" data-field="name">
              {props.name}
            </td>
          </tr>
          <tr>
            <th>{t('declaration.birthDate')}</th>
            <td data-field="birthDate">{wareki(props.birthDate)}</td>
          </tr>
          <tr>
            <th>{t('declaration.sex')}</th>
            <td>
              <Tick on={sex === '1'} label={t('declaration.male')} />
              <Tick on={sex === '2'} label={t('declaration.female')} />
            </td>
          </tr>
          <tr>
            <th>{t('declaration.address')}</th>
            <td className="write tall">
              <span className="sub">{t('declaration.postal')}</span>
            </td>
          </tr>
          <tr>
            <th>{t('declaration.phone')}</th>
            <td className="write" />
          </tr>
          <tr>
            <th>{t('declaration.insuranceType')}</th>
            <td data-field="insuranceType">
              {INSURER_TYPES.map((k) => (
                <Tick key={k} on={props.insurerType === k} label={t(`declaration.types.${k}`)} />
              ))}
            </td>
          </tr>
          <tr>
            <th>{t('declaration.insurer')}</th>
            <td className="write" data-field="insurer">
              <span className="sub">{t('declaration.insurerName')}: </span>
              {v.insurerName ?? ''}
              <br />
              <span className="sub">{t('declaration.insurerNumber')}: </span>
              {v.insurerNumber ?? ''}
            </td>
          </tr>
          <tr>
            <th>{t('declaration.symbol')}</th>
            <td className="write" data-field="symbol">
              {[v.symbol, v.number, v.branch].filter(Boolean).join('・')}
            </td>
          </tr>
          <tr>
            <th>{t('declaration.relation')}</th>
            <td>
              <Tick on={false} label={t('declaration.self')} />
              <Tick on={false} label={t('declaration.family')} />
            </td>
          </tr>
          <tr>
            <th>{t('declaration.workplace')}</th>
            <td className={employee ? 'write tall' : 'write'} />
          </tr>
          <tr>
            <th>{t('declaration.signatureDate')}</th>
            <td>{wareki(props.date)}</td>
          </tr>
          <tr>
            <th>{t('declaration.signature')}</th>
            <td className="write tall" />
          </tr>
        </tbody>
      </table>
      <p className="note">{t('declaration.known')}</p>
      <p className="note">{t('declaration.note')}</p>
      <p className="facility" data-field="facility">
        {t('declaration.facility')}: {props.facilityName}
      </p>
    </section>
  );
}
