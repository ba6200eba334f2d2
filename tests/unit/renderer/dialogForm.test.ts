// @vitest-environment happy-dom
/**
 * The frame every form dialog shares (export, save snapshot, note editor): labelled by its title,
 * closed by Esc and by a click beside it — except a dialog holding the user's writing, which a stray
 * click must not throw away — and submitted as one form.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DialogForm from '../../../renderer/src/components/DialogForm.vue'

function dialog(props: Record<string, unknown> = {}) {
  return mount(DialogForm, {
    props: { title: 'Save snapshot', titleId: 't1', ...props },
    slots: { default: '<input data-test="field" />', actions: '<button type="submit">Save</button>' },
    attachTo: document.body,
  })
}

describe('DialogForm', () => {
  it('is a modal dialog named by its title, with the content and the buttons in the footer', () => {
    const w = dialog()
    const form = w.get('form')
    expect(form.attributes()).toMatchObject({ role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 't1' })
    expect(w.get('#t1').text()).toBe('Save snapshot')
    expect(form.find('[data-test="field"]').exists()).toBe(true)
    expect(w.get('footer').text()).toBe('Save')
    w.unmount()
  })

  it('closes on a click beside the panel and on Esc, not on a click inside', async () => {
    const w = dialog()
    await w.get('[data-test="field"]').trigger('click')
    expect(w.emitted('close')).toBeUndefined()
    await w.get('.dialog-backdrop').trigger('click')
    await w.get('[data-test="field"]').trigger('keydown', { key: 'Escape' })
    expect(w.emitted('close')).toHaveLength(2)
    w.unmount()
  })

  it('with keepOnOutsideClick, a click beside it keeps it open; Esc still closes it', async () => {
    const w = dialog({ keepOnOutsideClick: true })
    await w.get('.dialog-backdrop').trigger('click')
    expect(w.emitted('close')).toBeUndefined()
    await w.get('[data-test="field"]').trigger('keydown', { key: 'Escape' })
    expect(w.emitted('close')).toHaveLength(1)
    w.unmount()
  })

  it('submits as one form, without reloading the page', async () => {
    const w = dialog()
    await w.get('form').trigger('submit')
    expect(w.emitted('submit')).toHaveLength(1)
    w.unmount()
  })
})
